import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { XmppPeer } from '../../../scripts/lib/xmppPeer';
import { feedHref } from '../../../src/shared/appPaths';
import { atomEntry } from '../atomEntry';
import { pageRpc } from '../pageRpc';

// Issue 14's scenario, shared by every way of being away (test/e2e/comingBack*.e2e.ts): a
// publisher's microblog on its PEP service, what happens to it while the reader is away, and
// the check that the reader's cache then holds exactly the server's items, with counts that
// agree with the list.

export const MICROBLOG = 'urn:xmpp:microblog:0';
const CONVERGE_MS = 30_000;

export interface Address {
  service: string;
  node: string;
}

/** A fresh microblog-like node with `count` posts, on the publisher's PEP service unless
 * another service is given. */
export async function publishMicroblog(
  publisher: XmppPeer,
  node: string,
  count: number,
  service = publisher.bareJid,
): Promise<Address> {
  const address = { service, node };
  await publisher.createNode(address.service, node, {
    'pubsub#max_items': '5000',
    'pubsub#access_model': 'open',
  });
  await publisher.publishMany(address.service, node, posts('p', 0, count), 4);
  return address;
}

/** Posts `${prefix}${from}` … with increasing publication dates (newest last). */
export function posts(prefix: string, from: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const id = `${prefix}${from + i}`;
    const published = new Date(Date.UTC(2026, 5, 1) + (prefix === 'p' ? 0 : 86_400_000));
    published.setUTCMinutes(from + i);
    return { id, payload: atomEntry(id, { published }) };
  });
}

/** What the publisher does while the reader is away: publishes, edits, retracts. */
export async function changeWhileAway(publisher: XmppPeer, address: Address): Promise<void> {
  await publisher.publishMany(address.service, address.node, posts('away', 0, 15), 4);
  for (const id of ['away3', 'away7', 'p2'])
    await publisher.retract(address.service, address.node, id);
  // An edit: the same id published again (XEP-0060 §7.1.2), with a new title.
  const edited = atomEntry('p10', { title: 'Post p10, edited while away' });
  await publisher.publish(address.service, address.node, 'p10', edited);
}

/** The server's item ids, sorted. */
export async function serverIds(publisher: XmppPeer, address: Address): Promise<string[]> {
  const items = await publisher.items(address.service, address.node);
  return items.map((item) => item.attrs.id as string).sort();
}

/** The reader's cached items (a synced node is read from the cache), 1,000 a page. */
async function cachedItems(page: Page, address: Address) {
  const items = [];
  for (let index = 0; ; index += 1000) {
    const result = await pageRpc(page, 'pubsub.getItems', { ...address, max: 1000, index });
    expect(result.source).toBe('cache');
    items.push(...result.items);
    if (result.items.length < 1000 || items.length >= (result.total ?? 0)) return items;
  }
}

/** The reader's cached item ids, sorted. */
export async function cachedIds(page: Page, address: Address): Promise<string[]> {
  return (await cachedItems(page, address)).map((item) => item.id).sort();
}

/**
 * Waits until the reader's cache equals the server, then checks what the feed shows: the
 * counts agree with the list, the newest post is on top, the edit is there, and the node says
 * "Synced". `unread` is how many of them the reader has not read.
 */
export async function expectConverged(
  page: Page,
  publisher: XmppPeer,
  address: Address,
  newestTitle: string,
): Promise<void> {
  const expected = await serverIds(publisher, address);
  await expect.poll(() => cachedIds(page, address), { timeout: CONVERGE_MS }).toEqual(expected);
  const edited = await pageRpc(page, 'pubsub.getItems', { ...address, itemIds: ['p10'] });
  expect(edited.items[0]?.xml).toContain('edited while away');
  if (!page.url().endsWith(feedHref(address)))
    await page.goto(new URL(feedHref(address), page.url()).href);
  const total = page.getByTestId('feed-total');
  await expect
    .poll(() => total.textContent(), { timeout: 10_000 })
    .toBe(`${expected.length.toLocaleString('en-US')} posts`);
  const node = (await pageRpc(page, 'cache.getNode', address)).node;
  expect(node?.syncState).toBe('completed');
  const unread = (await cachedItems(page, address)).filter((item) => !item.read).length;
  expect(node?.unread ?? 0).toBe(unread);
  const unreadShown = page.getByTestId('feed-unread');
  if (unread === 0) expect(await unreadShown.count()).toBe(0);
  else
    await expect
      .poll(() => unreadShown.textContent())
      .toBe(` · ${unread.toLocaleString('en-US')} unread`);
  // The feed's own first row (not the worker's pre-rendered ones, which a reload may show).
  const topRow = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.feed-row')].slice(0, 3).map((row) => ({
        prerendered: row.closest('.prerendered') !== null,
        index: row.getAttribute('data-index'),
        title: row.querySelector('.row-title')?.textContent ?? '',
      })),
    );
  await expect
    .poll(async () => JSON.stringify(await topRow()), { timeout: 10_000 })
    .toMatch(
      new RegExp(`^\\[\\{"prerendered":false,"index":"0","title":"[^"]*${newestTitle}`, 'u'),
    );
  await page.locator('[data-sync="completed"]').first().waitFor({ timeout: 10_000 });
}
