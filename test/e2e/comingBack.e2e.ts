import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
import { signIn } from '../support/signIn';

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

/** A publisher with a 30-post microblog, and a reader who follows it and has it open. */
async function readerFollowing(name: string) {
  const publisherJid = await prosody.register(`${name}-pub`, 'pw-pub');
  const publisher = await connectPeer({
    wsUrl: prosody.wsUrl,
    jid: publisherJid,
    password: 'pw-pub',
  });
  peers.push(publisher);
  const address = await publishMicroblog(publisher, MICROBLOG, 30);
  const reader = {
    jid: await prosody.register(`${name}-reader`, 'pw-reader'),
    password: 'pw-reader',
  };
  const { browser, page } = await launch();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, reader, prosody.wsUrl);
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
    await prosody.restart();
    const again = await connectPeer({
      wsUrl: prosody.wsUrl,
      jid: publisher.bareJid,
      password: 'pw-pub',
    });
    peers.push(again);
    await changeWhileAway(again, address);
    const { page } = await launch(browser.userDataDir);
    await page.goto(new URL(feedHref(address), appUrl).href);
    await expectConverged(page, again, address, NEWEST);
  }, 120_000);
});
