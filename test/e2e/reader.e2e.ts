import { xml } from '@xmpp/xml';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoContent, MICROBLOG_NODE } from '../../scripts/lib/demoContent';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { signIn } from '../support/signIn';

// Issue 5, "Done when": a user signs in, sees their microblog, reads, opens items and comments,
// marks them read, and gets live posts from another client; j/k/Enter/Escape drive the feed.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const POSTS = 30;

let browser: LaunchedBrowser | undefined;
let account: TestAccount;
let peer: XmppPeer;
let page: Page;
let commentCounts: Map<string, number>;

const feedPath = () => `/feed/${account.jid}/${MICROBLOG_NODE}`;
const rowIds = (p: Page) =>
  p
    .locator('.feed-row[data-item-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')));
const focusedIndex = (p: Page) =>
  p.evaluate(
    () => document.activeElement?.closest('[data-index]')?.getAttribute('data-index') ?? null,
  );
const badge = (p: Page) =>
  p.locator('.node-row', { hasText: 'Your microblog' }).getByTestId('unread-count');

beforeAll(async () => {
  account = await registerAccount('reader');
  peer = await connectAccount(account);
  // The microblog and its comment nodes on the user's own PEP service (XEP-0277 allows either),
  // so nothing here collides with other test files on the shared pubsub component.
  const started = performance.now();
  const nodes = buildDemoContent({
    ownerJid: account.jid,
    ownerName: 'Reader Test',
    pubsubService: account.jid,
    microblogPosts: POSTS,
  });
  const wanted = nodes.filter((n) => n.node.startsWith(MICROBLOG_NODE));
  for (const node of wanted) {
    await peer.createNode(node.service, node.node, node.config);
    await peer.publishMany(node.service, node.node, node.items);
  }
  commentCounts = new Map(
    wanted
      .filter((n) => n.node !== MICROBLOG_NODE)
      .map((n) => [n.node.split('/').pop() ?? '', n.items.length]),
  );
  console.info(
    `reader: published ${wanted.reduce((s, n) => s + n.items.length, 0)} items in ${Math.round(performance.now() - started)} ms`,
  );
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

describe('the reader', () => {
  it('offers the user their microblog, follows it, and shows unread count and freshness', async () => {
    await page.getByRole('heading', { name: 'Your feeds' }).waitFor();
    const started = performance.now();
    await page.getByRole('button', { name: 'Follow your microblog' }).click();
    const row = page.locator('.node-row', { hasText: 'Your microblog' });
    await row.locator('[data-sync="completed"]').waitFor({ timeout: 30_000 });
    console.info(`reader: follow to synced in ${Math.round(performance.now() - started)} ms`);
    await expect.poll(() => badge(page).textContent(), { timeout: 10_000 }).toBe(String(POSTS));
    await expect(row.locator('[data-sync="completed"]').textContent()).resolves.toMatch(
      /^Synced (just now|\d+ min ago)$/u,
    );
  });

  it('opens the feed newest first, and j/k move between items', async () => {
    const started = performance.now();
    await page.locator('.node-link', { hasText: 'Your microblog' }).click();
    await page.locator('.feed-row[data-index="0"]').waitFor();
    console.info(`reader: feed's first rows in ${Math.round(performance.now() - started)} ms`);
    expect(new URL(page.url()).pathname).toBe(feedPath());
    await expect(page.getByTestId('feed-total').textContent()).resolves.toBe(`${POSTS} posts`);
    const ids = await rowIds(page);
    expect(ids.slice(0, 5)).toEqual(['post-030', 'post-029', 'post-028', 'post-027', 'post-026']);

    for (const [key, index] of [
      ['j', '0'],
      ['j', '1'],
      ['j', '2'],
      ['k', '1'],
      ['j', '2'],
    ] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => focusedIndex(page)).toBe(index);
    }
  });

  it('opens an item with Enter, shows its comments, and marks it read', async () => {
    await page.keyboard.press('Enter'); // row 2 is post-028, which has comments (i % 5 === 2)
    await page.locator('article.post h1').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/item/${account.jid}/${MICROBLOG_NODE}/post-028`);
    const comments = page.getByTestId('comments');
    const expected = commentCounts.get('post-028') ?? 0;
    expect(expected).toBeGreaterThan(0);
    await expect
      .poll(() => comments.locator('.comment').count(), { timeout: 15_000 })
      .toBe(expected);
    await expect(comments.getByRole('heading').textContent()).resolves.toBe(
      `${expected} comment${expected === 1 ? '' : 's'}`,
    );
    await expect.poll(() => page.getByTestId('read-state').textContent()).toBe('Read');
  });

  it('reloading the item URL shows the same view', async () => {
    const title = await page.locator('article.post h1').textContent();
    await page.reload();
    await page.locator('article.post h1').waitFor();
    await expect(page.locator('article.post h1').textContent()).resolves.toBe(title);
    await expect
      .poll(() => page.getByTestId('comments').locator('.comment').count())
      .toBe(commentCounts.get('post-028'));
  });

  it('Escape returns to the feed where the reader was; the item is read; the unread count went down', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.feed-row[data-index="2"]').waitFor();
    expect(new URL(page.url()).pathname).toBe(feedPath());
    await expect.poll(() => focusedIndex(page)).toBe('2');
    await expect(
      page.locator('.feed-row[data-item-id="post-028"]').getAttribute('data-read'),
    ).resolves.toBe('true');
    await expect(
      page.locator('.feed-row[data-item-id="post-027"]').getAttribute('data-read'),
    ).resolves.toBe('false');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Your feeds' }).waitFor();
    await expect.poll(() => badge(page).textContent()).toBe(String(POSTS - 1));
  });

  it('a live post from another client shows "1 new post" without moving the list', async () => {
    await page.locator('.node-link', { hasText: 'Your microblog' }).click();
    await page.locator('.feed-row[data-index="0"]').waitFor();
    await page.evaluate(() => window.scrollTo(0, 300));
    await page.keyboard.press('j');
    await expect.poll(() => focusedIndex(page)).not.toBeNull();
    // What the reader sees, once it has settled (two frames apart, the same).
    const view = () =>
      page.evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return {
          scrollY: window.scrollY,
          focused: document.activeElement?.closest('[data-index]')?.getAttribute('data-item-id'),
          tops: [...document.querySelectorAll('.feed-row[data-item-id]')].map(
            (r) => `${r.getAttribute('data-item-id')}@${Math.round(r.getBoundingClientRect().top)}`,
          ),
        };
      });
    let before = await view();
    for (
      let next = await view();
      JSON.stringify(next) !== JSON.stringify(before);
      next = await view()
    )
      before = next;
    const entry = xml(
      'entry',
      { xmlns: 'http://www.w3.org/2005/Atom' },
      xml('title', { type: 'text' }, 'Live from another client'),
      xml('id', {}, 'tag:localhost,2026:live-1'),
      xml('published', {}, new Date().toISOString()),
      xml('author', {}, xml('name', {}, 'Reader Test'), xml('uri', {}, `xmpp:${account.jid}`)),
      xml('content', { type: 'text' }, 'Published while the feed was open.'),
    );
    const published = performance.now();
    await peer.publish(account.jid, MICROBLOG_NODE, 'live-1', entry);
    const button = page.getByTestId('new-posts');
    await button.waitFor({ timeout: 15_000 });
    console.info(
      `reader: publish to "new posts" shown in ${Math.round(performance.now() - published)} ms`,
    );
    await expect(button.textContent()).resolves.toContain('1 new post');
    const after = await view();
    expect(after).toEqual(before);

    await button.click();
    await expect.poll(() => rowIds(page).then((ids) => ids[0])).toBe('live-1');
    await expect(page.getByTestId('feed-total').textContent()).resolves.toBe(`${POSTS + 1} posts`);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect.poll(() => focusedIndex(page)).toBe('0');
  });

  it('remembers the reading position in a feed across a reload', async () => {
    const topRowIndex = () =>
      page.evaluate(() => {
        const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
        const rows = [...document.querySelectorAll<HTMLElement>('.feed-row[data-index]')];
        return rows.find((r) => r.getBoundingClientRect().bottom > header + 1)?.dataset.index;
      });
    await page.evaluate(() => {
      const row = document.querySelector('.feed-row')?.getBoundingClientRect().height ?? 0;
      const list = document.querySelector('.feed-list')?.getBoundingClientRect().top ?? 0;
      window.scrollTo(0, window.scrollY + list + 12 * row + 10);
    });
    await expect.poll(topRowIndex).toBe('12');
    const saved = () =>
      page.evaluate(
        (): string | undefined =>
          Object.keys(localStorage)
            .filter((k) => k.startsWith('satchel.position:'))
            .map((k) => localStorage.getItem(k) ?? '')[0],
      );
    await expect.poll(saved).toContain('"index":12');
    await page.reload();
    await page.locator('.feed-row[data-index="12"]').waitFor();
    await expect.poll(topRowIndex).toBe('12');
  });

  it('reloads the feed and an item offline, from the cache', async () => {
    const item = `${appUrl}item/${account.jid}/${MICROBLOG_NODE}/post-028`;
    const context = page.context();
    await context.setOffline(true);
    try {
      await page.goto(item);
      await page.locator('article.post h1').waitFor();
      await expect
        .poll(() => page.getByTestId('comments').locator('.comment').count())
        .toBe(commentCounts.get('post-028'));
      await page.keyboard.press('Escape'); // back to the feed, at its remembered position
      await page.locator('.feed-row[data-item-id]').first().waitFor();
      await expect(page.getByTestId('feed-total').textContent()).resolves.toBe(
        `${POSTS + 1} posts`,
      );
    } finally {
      await context.setOffline(false);
    }
  });
});
