import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultProxy } from '../../scripts/lib/faultProxy';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import { feedHref } from '../../src/shared/appPaths';
import {
  launchBrowser,
  serviceWorkerReady,
  stopServiceWorkers,
  type LaunchedBrowser,
} from '../support/browser';
import {
  changeWhileAway,
  MICROBLOG,
  posts,
  publishMicroblog,
  expectConverged,
} from '../support/comingBack/awayScenario';
import { pageRpc } from '../support/pageRpc';
import { signIn, statusIs } from '../support/signIn';

// Issue 14: coming back is exact. A reader follows a microblog, goes away in one of the ways a
// browser goes away, the publisher publishes, edits and retracts meanwhile, and the reader comes
// back to exactly the server's items, with counts that agree with the list. Own Prosody: the
// tests restart it.
const appUrl = inject('appUrl');
let prosody: ProsodyServer;
const opened: LaunchedBrowser[] = [];
const peers: XmppPeer[] = [];

beforeAll(async () => {
  prosody = await startProsody();
});
afterAll(async () => {
  for (const peer of peers) await peer.stop();
  for (const browser of opened) await browser.close().catch(() => undefined);
  await prosody?.stop();
});

async function launch(reopen?: string): Promise<{ browser: LaunchedBrowser; page: Page }> {
  const browser = await launchBrowser(reopen ? { reopen } : {});
  opened.push(browser);
  const page = await browser.context.newPage();
  return { browser, page };
}

/** A live event reaches the feed within seconds (a loaded 2-core machine: not one second). */
const LIVE = { timeout: 10_000 };

/** Restarts Prosody (its sessions and their resumption gone) and logs the publisher in again. */
async function restartServer(publisher: XmppPeer): Promise<XmppPeer> {
  await prosody.restart();
  const again = await connectPeer({
    wsUrl: prosody.wsUrl,
    jid: publisher.bareJid,
    password: 'pw-pub',
  });
  peers.push(again);
  return again;
}

/** A publisher with a 30-post microblog, and a reader who follows it and has it open. */
async function readerFollowing(
  name: string,
  options: { wsUrl?: string; service?: 'pep' | 'pubsub' } = {},
) {
  const wsUrl = options.wsUrl ?? prosody.wsUrl;
  const publisherJid = await prosody.register(`${name}-pub`, 'pw-pub');
  const publisher = await connectPeer({
    wsUrl: prosody.wsUrl,
    jid: publisherJid,
    password: 'pw-pub',
  });
  peers.push(publisher);
  const address =
    options.service === 'pubsub'
      ? await publishMicroblog(publisher, `blog/${name}`, 30, prosody.pubsubService)
      : await publishMicroblog(publisher, MICROBLOG, 30);
  const reader = {
    jid: await prosody.register(`${name}-reader`, 'pw-reader'),
    password: 'pw-reader',
  };
  const { browser, page } = await launch();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, reader, wsUrl);
  await pageRpc(page, 'cache.follow', address);
  await page.goto(new URL(feedHref(address), appUrl).href);
  await expect
    .poll(async () => JSON.stringify((await pageRpc(page, 'cache.getNode', address)).node), {
      timeout: 60_000,
    })
    .toContain('"syncState":"completed"');
  const total = page.getByTestId('feed-total');
  await expect.poll(() => total.textContent(), LIVE).toBe('30 posts');
  // Live: one post, then a burst of five, each seen within seconds.
  await publisher.publishMany(address.service, address.node, posts('live', 0, 1));
  await expect.poll(() => total.textContent(), LIVE).toBe('31 posts');
  await publisher.publishMany(address.service, address.node, posts('live', 1, 5));
  await expect.poll(() => total.textContent(), LIVE).toBe('36 posts');
  return { publisher, address, browser, page };
}

const NEWEST = 'Post away14';

describe('coming back is exact', () => {
  it('after the browser was closed and opened again', async () => {
    const { publisher, address, browser } = await readerFollowing('closed');
    await browser.quit();
    await changeWhileAway(publisher, address);
    const { page } = await launch(browser.userDataDir);
    await page.goto(new URL(feedHref(address), appUrl).href);
    await expectConverged(page, publisher, address, NEWEST);
  }, 120_000);

  it('after the worker was stopped with no page open', async () => {
    const { publisher, address, browser, page } = await readerFollowing('stopped');
    const blank = await browser.context.newPage();
    await page.close();
    await stopServiceWorkers(blank);
    await changeWhileAway(publisher, address);
    const back = await browser.context.newPage();
    await back.goto(new URL(feedHref(address), appUrl).href);
    await blank.close();
    await expectConverged(back, publisher, address, NEWEST);
  }, 120_000);

  it('after the server restarted while the browser was closed (resumption refused)', async () => {
    const { publisher, address, browser } = await readerFollowing('restarted');
    await browser.quit();
    const again = await restartServer(publisher);
    await changeWhileAway(again, address);
    const { page } = await launch(browser.userDataDir);
    await page.goto(new URL(feedHref(address), appUrl).href);
    await expectConverged(page, again, address, NEWEST);
  }, 120_000);

  it('after the network vanished under an open feed: noticed, recovered, converged', async () => {
    // A route that swallows everything (the fault proxy's stall): no close reaches either end,
    // as when a laptop leaves its network. Browser offline emulation would not close it either.
    const proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: prosody.httpPort } });
    try {
      const { publisher, address, page } = await readerFollowing('stalled', {
        wsUrl: proxy.wsUrlFor(prosody.wsUrl),
      });
      proxy.stall();
      // Within 10 s (issue 14), plus a second for the status poll and render on a busy machine.
      await statusIs(page, 'offline', 11_000);
      await changeWhileAway(publisher, address);
      proxy.pass();
      await statusIs(page, 'online', 11_000);
      await expectConverged(page, publisher, address, NEWEST);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('after the worker was stopped five times in the middle of a catch-up', async () => {
    // Each request takes 0.4 s and more (the fault proxy's slow), so the catch-up of 3,000 new
    // posts (30 fetches) is long enough to be stopped in the middle five times.
    const proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: prosody.httpPort } });
    try {
      // On the pubsub service: Prosody 0.12 refuses to list another user's PEP node, and a
      // catch-up there is one fetch of every item, with no middle to stop in.
      const { publisher, address, browser } = await readerFollowing('interrupted', {
        wsUrl: proxy.wsUrlFor(prosody.wsUrl),
        service: 'pubsub',
      });
      await browser.quit();
      // No resumption: a catch-up of the whole absence.
      const again = await restartServer(publisher);
      await again.publishMany(address.service, address.node, posts('many', 0, 3000), 8);
      await changeWhileAway(again, address);
      proxy.slow(200);
      const { page } = await launch(browser.userDataDir);
      await page.goto(new URL(feedHref(address), appUrl).href);
      for (let stop = 0; stop < 5; stop++) {
        // The catch-up runs and has stored something since the last stop: stop the worker.
        await page.locator('[data-sync="catchingUp"]').waitFor({ timeout: 30_000 });
        const count = async () =>
          (await pageRpc(page, 'cache.getNode', address)).node?.itemCount ?? 0;
        const before = await count();
        await expect.poll(count, { timeout: 30_000 }).toBeGreaterThan(before);
        const node = (await pageRpc(page, 'cache.getNode', address)).node;
        expect(node?.catchUp?.state, `stop ${stop + 1}: ${JSON.stringify(node)}`).toBe('running');
        await stopServiceWorkers(page);
        await page.reload();
      }
      // And the connection cut in the middle of a batch: the catch-up fails, says so, and is
      // tried again once the session is back.
      await page.locator('[data-sync="catchingUp"]').waitFor({ timeout: 30_000 });
      proxy.dropMidStanza();
      await page
        .locator('[data-testid="connection-status"]:not([data-status="online"])')
        .waitFor({ timeout: 30_000 });
      proxy.pass();
      await expectConverged(page, again, address, 'Post many2999');
    } finally {
      await proxy.close();
    }
  }, 240_000);

  it('after a purge and a node deletion while away', async () => {
    const { publisher, address, browser, page } = await readerFollowing('purged');
    // A node of the pubsub service: there a deleted node answers item-not-found (XEP-0060
    // §6.5.9.11). Prosody's PEP answers a deleted node like a forbidden one: that catch-up
    // fails on the node with the reason and keeps its items, as it should for a refusal.
    const second = { service: prosody.pubsubService, node: `second-${Date.now()}` };
    await publisher.createNode(second.service, second.node, { 'pubsub#access_model': 'open' });
    await publisher.publishMany(second.service, second.node, posts('s', 0, 5));
    await pageRpc(page, 'cache.follow', second);
    await expect
      .poll(async () => (await pageRpc(page, 'cache.getNode', second)).node?.syncState, {
        timeout: 30_000,
      })
      .toBe('completed');
    await browser.quit();
    const again = await restartServer(publisher);
    await again.purge(address.service, address.node);
    await again.deleteNode(second.service, second.node);
    const reopened = await launch(browser.userDataDir);
    await reopened.page.goto(new URL(feedHref(address), appUrl).href);
    await expect
      .poll(
        async () =>
          (await pageRpc(reopened.page, 'pubsub.getItems', { ...address, max: 10 })).total,
        {
          timeout: 30_000,
        },
      )
      .toBe(0);
    await reopened.page.getByText('No posts yet.').waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => (await pageRpc(reopened.page, 'cache.getNode', second)).node, {
        timeout: 30_000,
      })
      .toBeNull();
  }, 120_000);
});
