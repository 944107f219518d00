import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { feedHref } from '../../src/shared/appPaths';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import {
  launchBrowser,
  serviceWorkerReady,
  stopServiceWorkers,
  type LaunchedBrowser,
} from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn, statusIs } from '../support/signIn';

// Issue 8 §4, the cold offline start: the worker writes a cached feed's first rows into the
// navigation's HTML (src/sw/prerender), and the app's own rows replace them in place.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
const POSTS = 30;
const HOSTILE_TITLE = `<img src=x onerror="window.pwned=1">"quoted" & 'single' $&`;
const HOSTILE_AUTHOR = '"><script>window.pwned=2</script>';
let browser: LaunchedBrowser;
let account: TestAccount;
let publisher: XmppPeer;
const blog = { service: pubsub, node: `cold/${Date.now()}` };
const other = { service: pubsub, node: `${blog.node}-not-followed` };
const postId = (n: number): string => `c${String(n).padStart(2, '0')}`;

/** What an init script saw while the page loaded (it runs before any of the page's scripts). */
interface Seen {
  /** The pre-rendered rows when the parser had read the whole HTML, before the app's script. */
  parsed?: { ids: string[]; texts: Record<string, string>; elements: string[] };
  /** A loading state showed while the pre-rendered rows did. */
  loadingOverRows: boolean;
  /** A moment with neither the pre-rendered rows nor the app's own. */
  gap: boolean;
}

function watchColdStart(): void {
  const seen: Seen = { loadingOverRows: false, gap: false };
  (window as unknown as { seen: Seen }).seen = seen;
  let hadBlock = false;
  document.addEventListener('readystatechange', () => {
    const block = document.getElementById('prerendered-feed');
    if (document.readyState !== 'interactive' || !block) return;
    const rows = [...block.querySelectorAll<HTMLElement>('.feed-row[data-item-id]')];
    seen.parsed = {
      ids: rows.map((row) => row.dataset.itemId ?? ''),
      texts: Object.fromEntries(
        rows.map((row): [string, string] => [row.dataset.itemId ?? '', row.textContent]),
      ),
      elements: [...new Set([...block.querySelectorAll('*')].map((el) => el.localName))].sort(),
    };
  });
  new MutationObserver(() => {
    if (document.getElementById('prerendered-feed')) {
      hadBlock = true;
      if (document.querySelector('.state-loading')) seen.loadingOverRows = true;
    } else if (hadBlock && !document.querySelector('[data-testid="feed-list"] .feed-row')) {
      seen.gap = true;
    }
  }).observe(document, { subtree: true, childList: true });
}

const seenBy = (page: Page): Promise<Seen> =>
  page.evaluate(() => (window as unknown as { seen: Seen }).seen);

/** A new tab on `path`, watched from its first byte; returns it with its HTML as served. */
async function open(path: string): Promise<{ page: Page; html: string }> {
  const page = await browser.context.newPage();
  await page.addInitScript(watchColdStart);
  const response = await page.goto(`${appUrl}${path.slice(1)}`);
  return { page, html: (await response?.text()) ?? '' };
}

beforeAll(async () => {
  account = await registerAccount('cold');
  publisher = await connectAccount(await registerAccount('cold-publisher'));
  for (const address of [blog, other]) {
    await publisher.createNode(pubsub, address.node, {
      'pubsub#max_items': '100',
      'pubsub#access_model': 'open',
    });
  }
  const posts = Array.from({ length: POSTS }, (_, n) => ({
    id: postId(n),
    payload: atomEntry(postId(n), {
      categories: n % 3 === 0 ? ['cold', 'start'] : [],
      ...(n === POSTS - 1 && { title: HOSTILE_TITLE, author: HOSTILE_AUTHOR }),
    }),
  }));
  await publisher.publishMany(pubsub, blog.node, posts);
  await publisher.publish(pubsub, other.node, 'x', atomEntry('x'));
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
  await pageRpc(page, 'cache.follow', blog);
  await vi.waitFor(
    async () => {
      expect((await pageRpc(page, 'cache.getNode', blog)).node?.syncState).toBe('completed');
    },
    { timeout: 60_000, interval: 250 },
  );
}, 120_000);
afterAll(async () => {
  await publisher?.stop();
  await browser?.close();
});

async function closeAllPagesButOne(): Promise<Page> {
  const blank = await browser.context.newPage();
  for (const p of browser.context.pages()) if (p !== blank) await p.close();
  return blank;
}

describe('the feed rows the worker pre-renders', () => {
  it("come in the HTML of a cold start offline, and the app's own rows replace them in place", async () => {
    await browser.context.setOffline(true);
    const blank = await closeAllPagesButOne();
    await stopServiceWorkers(blank);

    const { page, html } = await open(feedHref(blog));
    expect(html).toContain('<div id="app"></div><div id="prerendered-feed"');
    const rows = page.locator('[data-testid="feed-list"] .feed-row[data-item-id]');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThan(5);
    await expect.poll(() => page.locator('#prerendered-feed').count()).toBe(0);

    const seen = await seenBy(page);
    const newest = Array.from({ length: 20 }, (_, n) => postId(POSTS - 1 - n));
    expect(seen.parsed?.ids).toEqual(newest);
    // Text only: whatever the posts say, the block is made of our own elements.
    expect(seen.parsed?.elements).toEqual(['a', 'article', 'div', 'h2', 'p', 'span', 'time']);
    expect(seen.parsed?.texts[postId(POSTS - 1)]).toContain(HOSTILE_TITLE);
    expect(seen.parsed?.texts[postId(POSTS - 1)]).toContain(HOSTILE_AUTHOR);
    expect(seen.loadingOverRows).toBe(false);
    expect(seen.gap).toBe(false);

    // The app's rows say what the worker's said, and there is one row per post.
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.feed-row[data-item-id]')].map((row) => ({
        id: row.dataset.itemId ?? '',
        text: row.textContent,
      })),
    );
    expect(new Set(shown.map((row) => row.id)).size).toBe(shown.length);
    for (const row of shown)
      if (seen.parsed?.texts[row.id] !== undefined)
        expect(row.text, row.id).toBe(seen.parsed.texts[row.id]);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

    // The live feed works: back online, a new post comes in at the top (the feed is at its top).
    await browser.context.setOffline(false);
    await statusIs(page, 'online', 30_000);
    await publisher.publish(pubsub, blog.node, 'c99', atomEntry('c99', { published: new Date() }));
    await expect
      .poll(() => page.locator('.feed-row[data-index="0"]').getAttribute('data-item-id'), {
        timeout: 15_000,
      })
      .toBe('c99');
    await page.close();
  }, 120_000);

  it('are not there for another URL, a feed not cached, or when signed out', async () => {
    const blank = await closeAllPagesButOne();
    await stopServiceWorkers(blank);
    for (const path of ['/', '/search', feedHref(other)]) {
      const { page, html } = await open(path);
      expect(html, path).not.toContain('prerendered-feed');
      await page.locator('main h1, main .state').first().waitFor({ timeout: 30_000 });
      expect((await seenBy(page)).parsed, path).toBeUndefined();
      await page.close();
    }

    const { page } = await open(feedHref(blog));
    await page.locator('[data-testid="feed-list"] .feed-row').first().waitFor({ timeout: 30_000 });
    await pageRpc(page, 'session.signOut', {});
    await page.close();
    await stopServiceWorkers(await closeAllPagesButOne());
    const signedOut = await open(feedHref(blog));
    expect(signedOut.html).not.toContain('prerendered-feed');
    await signedOut.page.locator('form.sign-in').waitFor({ timeout: 30_000 });
    expect((await seenBy(signedOut.page)).parsed).toBeUndefined();
  }, 120_000);
});
