import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoContent, MICROBLOG_NODE } from '../../scripts/lib/demoContent';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import {
  launchBrowser,
  serviceWorkerReady,
  stopServiceWorkers,
  type LaunchedBrowser,
} from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 19: opening a post marks it read once per visit, and the user's "Mark as unread" in
// that visit sticks, also on a post opened by its URL after it was already read.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const POSTS = 5;
const POST = 'post-005'; // the newest: the feed's first row

let browser: LaunchedBrowser | undefined;
let account: TestAccount;
let peer: XmppPeer | undefined;
let page: Page;

const feedPath = () => `/feed/${account.jid}/${MICROBLOG_NODE}`;
const feedUnread = (p: Page) => p.getByTestId('feed-unread').textContent();
const postRowRead = (p: Page) =>
  p.locator(`.feed-row[data-item-id="${POST}"]`).getAttribute('data-read');
const focusedItem = (p: Page) =>
  p.evaluate(
    () => document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id') ?? null,
  );
const readState = (p: Page) => p.getByTestId('read-state').textContent();
const badge = (p: Page) =>
  p.locator('.node-row', { hasText: 'Your microblog' }).getByTestId('unread-count');

/**
 * Resolves once Preact has run the effects of what is on screen: it runs them in a task queued
 * after the next animation frame, so two frames and a task later they have run.
 */
const effectsRun = (p: Page) =>
  p.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            setTimeout(resolve);
          }),
        );
      }),
  );

beforeAll(async () => {
  account = await registerAccount('readstate');
  peer = await connectAccount(account);
  const [microblog] = buildDemoContent({
    ownerJid: account.jid,
    ownerName: 'Read State',
    pubsubService: account.jid,
    microblogPosts: POSTS,
  }).filter((n) => n.node === MICROBLOG_NODE);
  if (!microblog) throw new Error('demo content has no microblog');
  // Only the microblog: no comment nodes, so its posts are the only unread items counted.
  await peer.createNode(microblog.service, microblog.node, microblog.config);
  await peer.publishMany(microblog.service, microblog.node, microblog.items);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
});

afterAll(async () => {
  await peer?.stop();
  await browser?.close();
});

describe('the read state of a post (issue 19)', () => {
  it('reading a post from the feed with the keyboard marks it read and counts it', async () => {
    await page.getByRole('button', { name: 'Follow your microblog' }).click();
    const row = page.locator('.node-row', { hasText: 'Your microblog' });
    await row.locator('[data-sync="completed"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => badge(page).textContent(), { timeout: 10_000 }).toBe(String(POSTS));
    await page.locator('.node-link', { hasText: 'Your microblog' }).click();
    await page.locator(`.feed-row[data-item-id="${POST}"]`).waitFor();
    await expect.poll(() => feedUnread(page)).toBe(` · ${POSTS} unread`);
    await page.keyboard.press('j');
    await expect.poll(() => focusedItem(page)).toBe(POST);
    await page.keyboard.press('Enter');
    await page.locator('article.post h1').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/item/${account.jid}/${MICROBLOG_NODE}/${POST}`);
    await expect.poll(() => readState(page)).toBe('Read');
    await expect
      .poll(async () => (await pageRpc(page, 'cache.getNode', feedAddress())).node?.unread)
      .toBe(POSTS - 1);
  });

  it('"Mark as unread" on that post, reloaded by its URL, sticks: the feed counts it again, also after a worker restart', async () => {
    await page.reload();
    await page.locator('article.post h1').waitFor();
    await expect.poll(() => readState(page)).toBe('Read');
    await page.getByRole('button', { name: 'Mark as unread' }).click();
    await expect.poll(() => readState(page)).toBe('Unread');
    // The auto-read effect has had its chance, and anything it sent the worker went before this
    // round trip (one worker, one database: a later read sees an earlier write).
    await effectsRun(page);
    const [stored] = (await pageRpc(page, 'pubsub.getItems', { ...feedAddress(), itemIds: [POST] }))
      .items;
    expect(stored?.read).toBe(false);
    expect(await readState(page)).toBe('Unread');

    await page.keyboard.press('Escape');
    await page.locator(`.feed-row[data-item-id="${POST}"]`).waitFor();
    expect(new URL(page.url()).pathname).toBe(feedPath());
    await expect.poll(() => feedUnread(page)).toBe(` · ${POSTS} unread`);
    await expect.poll(() => postRowRead(page)).toBe('false');

    // The browser stops the worker; the user reloads: the choice was stored, not just shown.
    await stopServiceWorkers(page);
    await page.reload();
    await page.locator(`.feed-row[data-item-id="${POST}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(() => feedUnread(page), { timeout: 15_000 }).toBe(` · ${POSTS} unread`);
    await expect.poll(() => postRowRead(page)).toBe('false');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Your feeds' }).waitFor();
    await expect.poll(() => badge(page).textContent()).toBe(String(POSTS));
  });
});

function feedAddress() {
  return { service: account.jid, node: MICROBLOG_NODE };
}
