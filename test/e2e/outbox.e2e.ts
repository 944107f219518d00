import { AxeBuilder } from '@axe-core/playwright';
import { xml, type Element } from '@xmpp/xml';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultProxy, type FaultProxy, type ProxiedChunk } from '../../scripts/lib/faultProxy';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { feedHref, itemHref } from '../../src/shared/appPaths';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn, statusIs } from '../support/signIn';
import { parseWebSocketFrames } from '../support/webSocketFrames';

// Issue 17: writing, even offline. The reader writes in the browser through a fault proxy (the
// only way to take a WebSocket's network away: Chromium's offline emulation leaves it open);
// a second client of the same account reads what reached the server.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsubService = inject('pubsubService');
const MICROBLOG = 'urn:xmpp:microblog:0';
/** A write reaches the server within seconds once online (a loaded 2-core machine). */
const SENT = { timeout: 30_000, interval: 250 };

let proxy: FaultProxy;
/** Publish requests the browser sent, by the item id they carried. */
const publishes = new Map<string, number>();
const opened: LaunchedBrowser[] = [];
const peers: XmppPeer[] = [];
let cutOnPublish: string | undefined;

function watch(chunk: ProxiedChunk): void {
  if (chunk.direction !== 'toServer') return;
  for (const frame of parseWebSocketFrames(chunk.data)) {
    const text = frame.payload.toString('utf8');
    const id = /<publish [^>]*>\s*<item [^>]*id=["']([^"']+)/u.exec(text)?.[1];
    if (!id) continue;
    publishes.set(id, (publishes.get(id) ?? 0) + 1);
    // The request is on its way to the server: its answer will not come back.
    if (cutOnPublish && text.includes(cutOnPublish)) {
      cutOnPublish = undefined;
      proxy.dropMidStanza();
    }
  }
}

beforeAll(async () => {
  const port = Number(new URL(wsUrl).port);
  proxy = await startFaultProxy({ target: { host: '127.0.0.1', port }, onChunk: watch });
});
afterEach(() => {
  proxy.pass();
});
afterAll(async () => {
  for (const peer of peers) await peer.stop();
  for (const browser of opened) await browser.close().catch(() => undefined);
  await proxy?.close();
});

interface Writer {
  account: TestAccount;
  peer: XmppPeer;
  browser: LaunchedBrowser;
  page: Page;
  blog: { service: string; node: string };
}

/** A signed-in reader following their own microblog (one post, `first`), its feed open. */
async function writer(name: string, first: Element = atomEntry('first')): Promise<Writer> {
  const account = await registerAccount(name);
  const peer = await connectAccount(account);
  peers.push(peer);
  const blog = { service: account.jid, node: MICROBLOG };
  // Prosody's PEP keeps one item in a node it creates by itself: keep more.
  await peer.createNode(blog.service, blog.node, { 'pubsub#max_items': '100' });
  await peer.publish(blog.service, blog.node, 'first', first);
  const browser = await launchBrowser();
  opened.push(browser);
  const page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, proxy.wsUrlFor(wsUrl));
  await pageRpc(page, 'cache.follow', blog);
  await expect
    .poll(async () => (await pageRpc(page, 'cache.getNode', blog)).node?.syncState, SENT)
    .toBe('completed');
  await page.goto(new URL(feedHref(blog), appUrl).href);
  await page.getByTestId('feed-total').getByText('1 post').waitFor();
  return { account, peer, browser, page, blog };
}

/** The titles of the server's items on the node, as the second client reads them. */
async function serverTitles(peer: XmppPeer, service: string, node: string): Promise<string[]> {
  const items = await peer.items(service, node);
  return items.map(
    (item) => item.getChild('entry', 'http://www.w3.org/2005/Atom')?.getChildText('title') ?? '',
  );
}

async function goOffline(page: Page): Promise<void> {
  proxy.cut();
  await statusIs(page, 'offline', 30_000);
}

async function writePost(page: Page, title: string, text: string, tags = ''): Promise<void> {
  await page.getByRole('button', { name: 'New post' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Text').fill(text);
  if (tags) await page.getByLabel('Tags').fill(tags);
  await page.getByRole('button', { name: 'Publish' }).click();
}

const pending = (page: Page) => page.getByTestId('pending-write');

describe('writing through the outbox', () => {
  it('a post written offline, the browser closed and opened online: on the server once', async () => {
    const w = await writer('offline-post');
    await goOffline(w.page);
    await writePost(w.page, 'Written offline', 'While the network was away.', 'outbox, xmpp');
    // Stored and shown at once, as waiting.
    await pending(w.page).filter({ hasText: 'Written offline' }).waitFor();
    expect(await pending(w.page).getAttribute('data-state')).toBe('queued');
    expect(await serverTitles(w.peer, w.blog.service, w.blog.node)).toEqual(['Post first']);

    await w.browser.quit();
    proxy.pass();
    const again = await launchBrowser({ reopen: w.browser.userDataDir });
    opened.push(again);
    const page = await again.context.newPage();
    await page.goto(new URL(feedHref(w.blog), appUrl).href);
    await expect
      .poll(async () => (await serverTitles(w.peer, w.blog.service, w.blog.node)).sort(), SENT)
      .toEqual(['Post first', 'Written offline']);
    // In the feed once (write-through, then the notification: no duplicate), nothing waiting.
    await page.getByTestId('feed-total').getByText('2 posts').waitFor({ timeout: 30_000 });
    await expect.poll(() => pending(page).count(), SENT).toBe(0);
    expect(await page.locator('.feed-row', { hasText: 'Written offline' }).count()).toBe(1);
    expect((await pageRpc(page, 'outbox.list', {})).entries).toEqual([]);
    // As the server stored it: tags and text are in the cached post.
    const cached = await pageRpc(page, 'pubsub.getItems', { ...w.blog, max: 10 });
    expect(cached.source).toBe('cache');
    const post = cached.items.find((i) => i.xml.includes('Written offline'));
    expect(post?.xml).toContain('term="outbox"');
    expect(post?.xml).toContain('While the network was away.');
  }, 180_000);

  it('the connection cut between the publish and its answer: on the server once', async () => {
    const w = await writer('cut-answer');
    cutOnPublish = 'Cut before the answer';
    await writePost(w.page, 'Cut before the answer', 'The answer is lost.');
    await expect
      .poll(async () => (await serverTitles(w.peer, w.blog.service, w.blog.node)).sort(), SENT)
      .toEqual(['Cut before the answer', 'Post first']);
    await expect.poll(() => pending(w.page).count(), { ...SENT, timeout: 60_000 }).toBe(0);
    expect(cutOnPublish).toBeUndefined();
    // It was sent again after the lost answer, with the same item id: one item on the server.
    const ids = (await w.peer.items(w.blog.service, w.blog.node)).map((i) => i.attrs.id);
    const id = ids.find((i) => i !== 'first')!;
    expect(publishes.get(id)).toBeGreaterThanOrEqual(2);
    expect(ids).toHaveLength(2);
    await w.page.getByTestId('feed-total').getByText('2 posts').waitFor({ timeout: 30_000 });
  }, 180_000);

  it('a post deleted offline is retracted on reconnect', async () => {
    const w = await writer('retract-offline');
    await w.page.goto(new URL(itemHref(w.blog, 'first'), appUrl).href);
    await w.page.getByRole('heading', { name: 'Post first' }).waitFor();
    await goOffline(w.page);
    await w.page.getByRole('button', { name: 'Delete' }).click();
    await w.page.getByRole('button', { name: 'Yes, delete' }).click();
    await pending(w.page).filter({ hasText: 'Deletion waits to be sent' }).waitFor();
    expect(await serverTitles(w.peer, w.blog.service, w.blog.node)).toEqual(['Post first']);
    proxy.pass();
    await statusIs(w.page, 'online', 30_000);
    await expect.poll(() => serverTitles(w.peer, w.blog.service, w.blog.node), SENT).toEqual([]);
    await expect.poll(() => pending(w.page).count(), SENT).toBe(0);
    const cached = await pageRpc(w.page, 'pubsub.getItems', { ...w.blog, itemIds: ['first'] });
    expect(cached.items).toEqual([]);
  }, 180_000);

  it('a comment lands on the comments node and shows under the post', async () => {
    const account = await registerAccount('commenter-owner');
    const owner = await connectAccount(account);
    peers.push(owner);
    const comments = `${MICROBLOG}:comments/${account.username}`;
    await owner.createNode(pubsubService, comments, {
      'pubsub#access_model': 'open',
      'pubsub#publish_model': 'open',
    });
    const w = await writer('commenter', withComments(atomEntry('first'), comments));
    await w.page.goto(new URL(itemHref(w.blog, 'first'), appUrl).href);
    await w.page.getByText('No comments yet.').waitFor({ timeout: 30_000 });
    await w.page.getByLabel('Comment', { exact: true }).fill('A reply through the outbox');
    await w.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect
      .poll(() => serverTitles(owner, pubsubService, comments), SENT)
      .toEqual(['A reply through the outbox']);
    const shown = w.page.locator('.comment', { hasText: 'A reply through the outbox' });
    await shown.waitFor({ timeout: 30_000 });
    await expect.poll(() => pending(w.page).count(), SENT).toBe(0);
    expect(await shown.count()).toBe(1);
  }, 180_000);

  it('a refused write stays with the reason, and can be edited and discarded', async () => {
    // A comments node only its owner may publish to (XEP-0060 §16.4 publish_model): the
    // server refuses the reader's comment.
    const account = await registerAccount('closed-owner');
    const owner = await connectAccount(account);
    peers.push(owner);
    const comments = `${MICROBLOG}:comments/${account.username}`;
    await owner.createNode(pubsubService, comments, {
      'pubsub#access_model': 'open',
      'pubsub#publish_model': 'publishers',
    });
    const w = await writer('refused', withComments(atomEntry('first'), comments));
    await w.page.goto(new URL(itemHref(w.blog, 'first'), appUrl).href);
    await w.page.getByText('No comments yet.').waitFor({ timeout: 30_000 });
    await w.page.getByLabel('Comment', { exact: true }).fill('Not allowed here');
    await w.page.getByRole('button', { name: 'Comment', exact: true }).click();
    const refused = pending(w.page).and(w.page.locator('[data-state="refused"]'));
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.locator('.form-error').getAttribute('data-code')).toBe('forbidden');
    expect(await refused.textContent()).toContain('Not allowed here');
    const [entry] = (await pageRpc(w.page, 'outbox.list', {})).entries;
    expect(entry).toMatchObject({ state: 'refused', error: { code: 'forbidden' } });
    expect(await serverTitles(owner, pubsubService, comments)).toEqual([]);

    // Edited: sent again (refused again here), with the new text, in the same place.
    await refused.getByRole('button', { name: 'Edit' }).click();
    await refused.getByLabel('Comment', { exact: true }).fill('Edited, still not allowed');
    await refused.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect
      .poll(async () => (await pageRpc(w.page, 'outbox.list', {})).entries, SENT)
      .toMatchObject([
        {
          seq: entry!.seq,
          state: 'refused',
          draft: { text: 'Edited, still not allowed' },
          attempts: 0,
        },
      ]);
    await refused.filter({ hasText: 'Edited, still not allowed' }).waitFor();

    await refused.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => pending(w.page).count(), SENT).toBe(0);
    expect((await pageRpc(w.page, 'outbox.list', {})).entries).toEqual([]);
  }, 180_000);

  it('the post form and a waiting post fit a 360 px screen, and axe finds nothing', async () => {
    const w = await writer('narrow');
    await w.page.setViewportSize({ width: 360, height: 800 });
    await w.page.getByRole('button', { name: 'New post' }).click();
    const form = w.page.getByRole('form', { name: 'Write a post' });
    await form.waitFor();
    expect(await outsideScreen(w.page, 'form.compose')).toEqual([]);
    const axe = await new AxeBuilder({ page: w.page })
      .include('form.compose')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id} (${v.impact ?? '?'})`)).toEqual([]);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await goOffline(w.page);
    await writePost(w.page, 'A title long enough to wrap on a narrow phone screen', 'Body');
    await pending(w.page).waitFor();
    expect(await outsideScreen(w.page, '[data-testid="pending-write"]')).toEqual([]);
  }, 180_000);
});

/** Controls under `selector` reaching past the viewport, and a page that scrolls sideways. */
function outsideScreen(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const problems: string[] = [];
    for (const root of document.querySelectorAll(sel))
      for (const el of root.querySelectorAll('input, textarea, button, label')) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.left < -0.5 || box.right > window.innerWidth + 0.5))
          problems.push(
            `${el.tagName} "${el.textContent ?? ''}" spans x ${box.left}..${box.right}`,
          );
      }
    const scroll = document.documentElement.scrollWidth;
    if (scroll > window.innerWidth) problems.push(`the page scrolls sideways: ${scroll} px`);
    return problems;
  }, selector);
}

/** The post with a XEP-0277 §6 comments link to `node` on the pubsub component. */
function withComments(entry: Element, node: string): Element {
  const href = `xmpp:${pubsubService}?;node=${encodeURIComponent(node)}`;
  entry.append(xml('link', { rel: 'replies', title: 'comments', href }));
  return entry;
}
