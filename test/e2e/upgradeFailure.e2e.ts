import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveApp, type ServedApp } from '../../scripts/serveApp';
import { connectAccount, registerAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { buildNextDeployment, deploy } from '../support/buildVariant';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 3 "Coordination and failure": a deployment whose upgrade fails leaves the previous data
// untouched, says so, and lets the user retry, export the raw data, or reset.
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
let broken: Awaited<ReturnType<typeof buildNextDeployment>>;
let liveDir: string;
let app: ServedApp;
let browser: LaunchedBrowser;

beforeAll(async () => {
  broken = await buildNextDeployment({ buildId: 'broken-upgrade', failingUpgrade: true });
  liveDir = join(mkdtempSync(join(tmpdir(), 'satchel-live-')), 'app');
  deploy('dist', liveDir);
  app = await serveApp({ dir: liveDir, port: 0, websocketUrl: wsUrl });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  broken?.cleanup();
  if (liveDir) rmSync(join(liveDir, '..'), { recursive: true, force: true });
});

async function databaseVersion(): Promise<number> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  return worker.evaluate(
    async () => (await indexedDB.databases()).find((d) => d.name === 'satchel')?.version ?? 0,
  );
}

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

    const page = await browser.context.newPage();
    await page.goto(app.url);
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
    const versionBefore = await databaseVersion();

    deploy(broken.outDir, liveDir);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.locator('[data-update="ready"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reload to update' }).click();
    const banner = page.locator('[data-storage="upgradeFailed"]');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('upgrade failed on purpose');
    expect(await databaseVersion()).toBe(versionBefore); // the aborted upgrade changed nothing

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
    expect(await databaseVersion()).toBe(versionBefore);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Reset' }).click();
    await banner.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await databaseVersion()).toBe(broken.schemaVersion * 10); // a fresh database: no upgrade to run
    await page.close();
  }, 180_000);
});
