import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectAccount, registerAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { serviceWorkerReady } from '../support/browser';
import { startDeployments, type Deployments } from '../support/deploymentHarness';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 3 "Coordination and failure": a deployment whose upgrade fails leaves the previous data
// untouched, says so, and lets the user retry, export the raw data, or reset.
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
let deployments: Deployments;

beforeAll(async () => {
  deployments = await startDeployments({ buildId: 'broken-upgrade', failingUpgrade: true, wsUrl });
}, 180_000);
afterAll(() => deployments?.close());

describe('a failed upgrade', () => {
  it('keeps the previous data, explains, and offers retry, raw export and reset', async () => {
    const account = await registerAccount('broken');
    const peer = await connectAccount(account);
    const node = `blog/broken-${Date.now()}`;
    await peer.createNode(pubsub, node, {
      'pubsub#max_items': '100',
      'pubsub#access_model': 'open',
    });
    await peer.publishMany(
      pubsub,
      node,
      Array.from({ length: 7 }, (_, i) => ({ id: `b${i}`, payload: atomEntry(`b${i}`) })),
    );
    await peer.stop();

    const page = await deployments.browser.context.newPage();
    await page.goto(deployments.url);
    await serviceWorkerReady(page);
    await signIn(page, account, wsUrl);
    await pageRpc(page, 'cache.follow', { service: pubsub, node });
    await expect
      .poll(
        async () =>
          (await pageRpc(page, 'cache.getNode', { service: pubsub, node })).node?.syncState,
        { timeout: 30_000 },
      )
      .toBe('completed');
    const versionBefore = await deployments.databaseVersion();

    deployments.deployNext();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.locator('[data-update="ready"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reload to update' }).click();
    const banner = page.locator('[data-storage="upgradeFailed"]');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('upgrade failed on purpose');
    expect(await deployments.databaseVersion()).toBe(versionBefore); // the aborted upgrade changed nothing

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export raw data' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      version: number;
      stores: Record<string, Array<{ value: { itemId?: string } }>>;
    };
    expect(exported.version).toBe(versionBefore);
    expect(exported.stores.items?.map((row) => row.value.itemId).sort()).toEqual([
      'b0',
      'b1',
      'b2',
      'b3',
      'b4',
      'b5',
      'b6',
    ]);

    await page.getByRole('button', { name: 'Try again' }).click();
    await banner.waitFor(); // still failing, still explained
    expect(await deployments.databaseVersion()).toBe(versionBefore);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset' }).click();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await deployments.databaseVersion()).toBe(deployments.nextSchemaVersion * 10); // a fresh database: no upgrade to run
    await page.close();
  }, 180_000);
});
