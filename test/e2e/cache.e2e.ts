import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import {
  launchBrowser,
  serviceWorkerReady,
  stopServiceWorkers,
  type LaunchedBrowser,
} from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { SCALE_COUNT, SCALE_NODE, scaleItemId } from '../support/scaleNode';
import { signIn } from '../support/signIn';

// Issue 4 "Tests", end to end: the engine in Chromium's service worker, Prosody, and a second
// client publishing, retracting and purging.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
let browser: LaunchedBrowser;
let account: TestAccount;
let publisher: XmppPeer;
let page: Page;

beforeAll(async () => {
  account = await registerAccount('cache');
  publisher = await connectAccount(await registerAccount('publisher'));
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
}, 60_000);
afterAll(async () => {
  await publisher?.stop();
  await browser?.close();
});

async function syncedNode(node: string, count: number): Promise<{ service: string; node: string }> {
  await publisher.createNode(pubsub, node, {
    'pubsub#max_items': '10000',
    'pubsub#access_model': 'open',
  });
  await publisher.publishMany(
    pubsub,
    node,
    Array.from({ length: count }, (_, i) => ({ id: `i${i}`, payload: atomEntry(`i${i}`) })),
  );
  const address = { service: pubsub, node };
  await pageRpc(page, 'cache.follow', address);
  await expect
    .poll(async () => (await pageRpc(page, 'cache.getNode', address)).node?.syncState, {
      timeout: 120_000,
      interval: 250,
    })
    .toBe('completed');
  return address;
}

const cachedIds = async (address: { service: string; node: string }) =>
  (await pageRpc(page, 'pubsub.getItems', { ...address, max: 1000 })).items.map((i) => i.id).sort();

describe('the cache in the browser', () => {
  it('follows publish, retract and purge by another client within a second', async () => {
    const address = await syncedNode(`blog/live-${Date.now()}`, 5);
    const within = { timeout: 1000, interval: 25 };
    await publisher.publish(pubsub, address.node, 'fresh', atomEntry('fresh'));
    await expect.poll(() => cachedIds(address), within).toContain('fresh');
    await publisher.retract(pubsub, address.node, 'i2');
    await expect.poll(() => cachedIds(address), within).not.toContain('i2');
    await publisher.purge(pubsub, address.node);
    await expect.poll(() => cachedIds(address), within).toEqual([]);
    const page0 = await pageRpc(page, 'pubsub.getItems', { ...address, max: 10 });
    expect(page0.source).toBe('cache');
  });

  it('has exactly the right items after being offline while 20 were published and 3 retracted', async () => {
    const address = await syncedNode(`blog/away-${Date.now()}`, 10);
    // Satchel goes away: every page closed and its worker stopped (the socket goes with it).
    const blank = await browser.context.newPage();
    await page.close();
    await stopServiceWorkers(blank);
    await publisher.publishMany(
      pubsub,
      address.node,
      Array.from({ length: 20 }, (_, i) => ({ id: `away${i}`, payload: atomEntry(`away${i}`) })),
    );
    for (const id of ['i4', 'away5', 'away17']) await publisher.retract(pubsub, address.node, id);
    // Back: a page opens, the worker restarts and resumes or reconnects by itself.
    page = await browser.context.newPage();
    await page.goto(appUrl);
    await blank.close();
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `i${i}`),
      ...Array.from({ length: 20 }, (_, i) => `away${i}`),
    ]
      .filter((id) => !['i4', 'away5', 'away17'].includes(id))
      .sort();
    await expect.poll(() => cachedIds(address), { timeout: 20_000 }).toEqual(expected);
  }, 90_000);

  it('syncs a 5,000-item node completely, also when the worker is stopped mid-sync, and serves its pages from the cache with the network cut', async () => {
    // The node is published once per run (test/support/e2eGlobalSetup.ts); this account follows it.
    const address = { service: pubsub, node: SCALE_NODE };
    const started = performance.now();
    const nodeView = async () => (await pageRpc(page, 'cache.getNode', address)).node;
    await pageRpc(page, 'cache.follow', address);
    await expect
      .poll(async () => (await nodeView())?.progress?.done ?? 0, {
        timeout: 60_000,
        interval: 50,
      })
      .toBeGreaterThanOrEqual(500);
    // The browser stops the worker mid-sync. The page's next request starts it again, the
    // session returns, and the sync goes on from its stored cursor: its progress then counts
    // only the items that were left, not the whole node again.
    await stopServiceWorkers(page);
    await expect
      .poll(async () => (await nodeView())?.progress?.total ?? 'no total yet', {
        timeout: 60_000,
        interval: 100,
      })
      .toBeLessThan(SCALE_COUNT);
    await expect
      .poll(async () => (await nodeView())?.syncState, { timeout: 120_000, interval: 250 })
      .toBe('completed');
    expect((await nodeView())?.itemCount).toBe(SCALE_COUNT);
    console.info(
      `cache.e2e: synced ${SCALE_COUNT} items, stopped once, in ${Math.round(performance.now() - started)} ms`,
    );
    await browser.context.setOffline(true);
    try {
      const last = await pageRpc(page, 'pubsub.getItems', {
        ...address,
        max: 20,
        index: SCALE_COUNT - 20,
      });
      expect(last).toMatchObject({ source: 'cache', total: SCALE_COUNT, index: SCALE_COUNT - 20 });
      expect(last.items).toHaveLength(20);
      const first = await pageRpc(page, 'pubsub.getItems', { ...address, max: 20 });
      expect(first.items.map((i) => i.id)).toEqual(
        Array.from({ length: 20 }, (_, i) => scaleItemId(SCALE_COUNT - 1 - i)),
      );
      const next = await pageRpc(page, 'pubsub.getItems', {
        ...address,
        max: 20,
        after: first.last,
      });
      expect(next.items[0]?.id).toBe(scaleItemId(SCALE_COUNT - 21));
    } finally {
      await browser.context.setOffline(false);
    }
  }, 180_000);

  it('indexes the words of a sync after it, on through a worker restart offline, and the search page catches up', async () => {
    const address = { service: pubsub, node: SCALE_NODE };
    const nodeView = async () => (await pageRpc(page, 'cache.getNode', address)).node;
    const searchBody = () => pageRpc(page, 'search.query', { text: 'body', nodes: [address] });
    // A reset drops the node's cache and syncs it again: 5,000 posts whose words are queued.
    await pageRpc(page, 'cache.reset', address);
    await expect
      .poll(async () => (await nodeView())?.syncState, { timeout: 120_000, interval: 100 })
      .toBe('completed');
    expect((await searchBody()).indexing).toBe(true);
    await page.goto(`${appUrl}search?q=body`);
    await page.getByTestId('search-indexing').waitFor({ timeout: 10_000 });
    // The browser stops the worker while it indexes, offline: the queue is in the database,
    // and the restarted engine goes on with it without a session. (Offline first: Playwright's
    // setOffline hangs once a worker it knows was stopped.)
    await browser.context.setOffline(true);
    try {
      await stopServiceWorkers(page);
      await page.getByTestId('search-indexing').waitFor({ state: 'detached', timeout: 60_000 });
    } finally {
      await browser.context.setOffline(false);
    }
    // The page searches everything cached: this node's 5,000 posts and the other tests' posts.
    const { total } = await pageRpc(page, 'search.count', { text: 'body' });
    expect(total).toBeGreaterThanOrEqual(5_000);
    await expect
      .poll(() => page.getByTestId('search-total').textContent(), { timeout: 20_000 })
      .toMatch(new RegExp(`^${total.toLocaleString('en')} results`, 'u'));
    const result = await searchBody();
    expect(result.indexing).toBeUndefined();
    expect(result.hits).toHaveLength(20);
  }, 180_000);
});
