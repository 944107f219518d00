import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../scripts/lib/faultProxy';
import { withTimeout } from '../../scripts/lib/withTimeout';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { feedHref } from '../../src/shared/appPaths';
import { connectAccount, registerAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 15, "non-UTF-8 bytes" (docs/reliability.md). Prosody refuses invalid UTF-8 from
// clients, so such bytes can only reach a reader corrupted in transit: the fault proxy puts
// 0xFF 0xFE into the one WebSocket text frame carrying an item, its length kept. Chromium must
// fail that connection (RFC 6455 §8.1) and deliver none of the frame; the worker must take it
// as a lost connection, resume (XEP-0198), store nothing corrupt and end with the server's items.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsubService = inject('pubsubService');
/** The status and a resync after a reconnect, on a loaded 2-core machine. */
const BACK = { timeout: 30_000, interval: 200 };

let proxy: FaultProxy;
let browser: LaunchedBrowser;
let page: Page;
let publisher: XmppPeer;

beforeAll(async () => {
  const port = Number(new URL(wsUrl).port);
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port } });
  publisher = await connectAccount(await registerAccount('utf8-pub'));
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, await registerAccount('utf8-reader'), proxy.wsUrlFor(wsUrl));
});
afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await publisher?.stop();
  await proxy?.close();
});

/** Every status the page's connection status showed from now on, in order. */
async function recordStatuses(): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const target = document.querySelector('[data-testid="connection-status"]')!;
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => {
      const status = target.getAttribute('data-status') ?? '';
      if (seen.at(-1) !== status) seen.push(status);
    }).observe(target, { attributes: true, attributeFilter: ['data-status'] });
  });
  return () => page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);
}

async function createNode(node: string, count: number): Promise<{ service: string; node: string }> {
  await publisher.createNode(pubsubService, node, {
    'pubsub#access_model': 'open',
    'pubsub#max_items': '100',
  });
  return publishPosts(node, count);
}

/** Posts p1 … p`count` (newest last). */
async function publishPosts(node: string, count: number) {
  await publisher.publishMany(
    pubsubService,
    node,
    Array.from({ length: count }, (_, i) => ({
      id: `p${i + 1}`,
      payload: atomEntry(`p${i + 1}`),
    })),
    4,
  );
  return { service: pubsubService, node };
}

/** The cached items of a synced node, by id, with their stored XML. */
async function cached(address: { service: string; node: string }) {
  const result = await pageRpc(page, 'pubsub.getItems', { ...address, max: 100 });
  expect(result.source).toBe('cache');
  return new Map(result.items.map((item) => [item.id, item.xml]));
}

/** Worker answering: a request on another subject answers while the session is down. */
async function answers(): Promise<void> {
  const state = await pageRpc(page, 'session.state', {}, 5_000);
  expect(state.account).toBeDefined();
}

describe('a server frame with invalid UTF-8', () => {
  it('in a live event: a lost connection, resumed, the item stored intact, the page recovers', async () => {
    const address = await createNode(`utf8-live-${Date.now()}`, 3);
    await pageRpc(page, 'cache.follow', address);
    await page.goto(new URL(feedHref(address), appUrl).href);
    const total = page.getByTestId('feed-total');
    await expect.poll(() => total.textContent(), BACK).toBe('3 posts');
    const statuses = await recordStatuses();

    const marker = 'MARKER-live-utf8';
    const corrupted = proxy.corruptNextFrame(marker);
    const content = `Published live, corrupted on the way: ${marker}.`;
    await publisher.publish(pubsubService, address.node, 'live', atomEntry('p9', { content }));
    await withTimeout(corrupted, 10_000, () => 'the event frame never passed the proxy');

    // The page says the connection was lost, then that it is back, resumed: the server
    // replays the unacknowledged event (XEP-0198 §5), so the post arrives whole.
    await expect.poll(statuses, BACK).toContain('reconnecting');
    await answers();
    await page
      .locator('[data-testid="connection-status"][data-status="online"][data-resumed="true"]')
      .waitFor({ timeout: BACK.timeout })
      .catch(async (error: unknown) => {
        // Say what came instead (a fresh session, a failure), not only that nothing matched.
        const state = JSON.stringify(await pageRpc(page, 'session.state', {}));
        throw new Error(`not resumed: statuses ${String(await statuses())}; ${state}`, {
          cause: error,
        });
      });
    const state = await pageRpc(page, 'session.state', {});
    expect(state.lastFailure?.code).toBe('connection-lost');
    await expect.poll(() => total.textContent(), BACK).toBe('4 posts');
    const items = await cached(address);
    expect([...items.keys()].sort()).toEqual(['live', 'p1', 'p2', 'p3']);
    expect(items.get('live')).toContain(marker);
    for (const xml of items.values()) expect(xml).not.toContain('\uFFFD');
    await page.getByText(content).first().waitFor({ timeout: BACK.timeout });
  }, 90_000);

  it('in a sync answer: the fetch fails as connection-lost, runs again once resumed, the node synced exactly', async () => {
    const node = `utf8-sync-${Date.now()}`;
    const marker = 'MARKER-sync-utf8';
    const content = `A post whose fetch is corrupted: ${marker}.`;
    // The oldest post: following reads only the newest to analyse the node, so the first frame
    // carrying it is the sync's fetch by id (XEP-0060 §6.5.8).
    await publisher.createNode(pubsubService, node, {
      'pubsub#access_model': 'open',
      'pubsub#max_items': '100',
    });
    await publisher.publish(pubsubService, node, 'hit', atomEntry('p0', { content }));
    const address = await publishPosts(node, 30);
    const statuses = await recordStatuses();

    const corrupted = proxy.corruptNextFrame(marker);
    await pageRpc(page, 'cache.follow', address);
    await withTimeout(corrupted, 20_000, () => 'no frame carried the marker');
    await expect.poll(statuses, BACK).toContain('reconnecting');
    await answers();
    await expect
      .poll(async () => (await pageRpc(page, 'cache.getNode', address)).node?.syncState, BACK)
      .toBe('completed');
    // The failed fetch is run again on the resumed session (createPubsubCache onSessionStarted).
    expect(await pageRpc(page, 'session.state', {})).toMatchObject({
      status: 'online',
      resumed: true,
      lastFailure: { code: 'connection-lost' },
    });
    const items = await cached(address);
    expect(items.size).toBe(31);
    expect(items.get('hit')).toContain(marker);
    for (const xml of items.values()) expect(xml).not.toContain('\uFFFD');
    expect((await pageRpc(page, 'cache.getNode', address)).node?.skipped).toBeUndefined();
  }, 90_000);
});
