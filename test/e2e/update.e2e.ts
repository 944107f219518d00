import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectAccount, registerAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { serviceWorkerReady } from '../support/browser';
import { startDeployments, type Deployments } from '../support/deploymentHarness';
import { pageRpc } from '../support/pageRpc';
import { signIn, statusIs } from '../support/signIn';

// Issue 6 "Updates" and issue 3 "Coordination": a new deployment whose schema version is higher
// arrives while two tabs are open; the user accepts it in one; the other is told to reload.
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
let deployments: Deployments;

beforeAll(async () => {
  deployments = await startDeployments({ buildId: 'next-deployment', wsUrl });
}, 180_000);
afterAll(() => deployments?.close());

describe('a new deployment', () => {
  it('is offered, upgrades the database in the new worker, keeps the session and the cache, and tells old tabs to reload', async () => {
    const account = await registerAccount('update');
    const peer = await connectAccount(account);
    const node = `blog/update-${Date.now()}`;
    await peer.createNode(pubsub, node, {
      'pubsub#max_items': '100',
      'pubsub#access_model': 'open',
    });
    await peer.publishMany(
      pubsub,
      node,
      Array.from({ length: 12 }, (_, i) => ({ id: `u${i}`, payload: atomEntry(`u${i}`) })),
    );
    await peer.stop();

    const first = await deployments.browser.context.newPage();
    await first.goto(deployments.url);
    await serviceWorkerReady(first);
    await signIn(first, account, wsUrl);
    await pageRpc(first, 'cache.follow', { service: pubsub, node });
    await expect
      .poll(
        async () =>
          (await pageRpc(first, 'cache.getNode', { service: pubsub, node })).node?.syncState,
        { timeout: 30_000 },
      )
      .toBe('completed');
    const versionBefore = await deployments.databaseVersion();
    const second = await deployments.browser.context.newPage();
    await second.goto(deployments.url);
    await statusIs(second, 'online');

    deployments.deployNext();
    await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await first.locator('[data-update="ready"]').waitFor({ timeout: 30_000 });
    // Until accepted, the running engine keeps its database: nothing changed yet.
    expect(await deployments.databaseVersion()).toBe(versionBefore);

    await first.getByRole('button', { name: 'Reload to update' }).click();
    await first.waitForEvent('load', { timeout: 30_000 });
    await statusIs(first, 'online', 30_000);
    expect(await deployments.databaseVersion()).toBe(deployments.nextSchemaVersion * 10); // Dexie stores version × 10
    const cached = await pageRpc(first, 'cache.getNode', { service: pubsub, node });
    expect(cached.node).toMatchObject({ syncState: 'completed', itemCount: 12 });
    await expect(first.locator('[data-update]').count()).resolves.toBe(0);

    // The tab still running the old page is told to reload, and reloading brings it up to date.
    await second.locator('[data-update="stale"]').waitFor({ timeout: 30_000 });
    await second.getByRole('button', { name: 'Reload' }).click();
    await statusIs(second, 'online');
    await expect(second.locator('[data-update]').count()).resolves.toBe(0);
    await first.close();
    await second.close();
  }, 180_000);
});
