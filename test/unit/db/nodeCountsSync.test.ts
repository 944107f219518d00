/**
 * nodeCounts (schema v5) stays equal to what the item indexes count, whatever writes items:
 * upserts (with duplicates), read marks, retractions small and large, node and range purges,
 * retention, clear; and a write that aborts leaves the counts as they were.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import { clearAccount, purgeItems } from '../../../src/db/purgeItems';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import type { NewItem } from '../../../src/shared/records';
import { ALICE, BOB, PUBSUB, isolatedDb } from './fixtures';

let db: SatchelDb;
let items: ItemStore;

beforeEach(async () => {
  db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db, now: () => 10_000 });
});
afterEach(() => {
  db.close();
});

const posts = (prefix: string, n: number, created = 0): NewItem[] =>
  Array.from({ length: n }, (_, i) => ({
    itemId: `${prefix}-${i}`,
    xml: `<item id="${prefix}-${i}"/>`,
    created: created + i,
  }));

/** Every node's counts as the indexes give them, and as the counts table holds them. */
async function bothCounts() {
  const keys = await db.items.orderBy('[account+service+node+read]').keys();
  const counted = new Map<string, { items: number; unread: number }>();
  for (const key of keys as unknown as Array<[string, string, string, number]>) {
    const id = JSON.stringify(key.slice(0, 3));
    const entry = counted.get(id) ?? { items: 0, unread: 0 };
    entry.items += 1;
    if (key[3] === 0) entry.unread += 1;
    counted.set(id, entry);
  }
  const stored = new Map(
    (await db.nodeCounts.toArray()).map((row) => [
      JSON.stringify([row.account, row.service, row.node]),
      { items: row.items, unread: row.unread },
    ]),
  );
  return { counted: Object.fromEntries(counted), stored: Object.fromEntries(stored) };
}

async function expectExact(): Promise<void> {
  const { counted, stored } = await bothCounts();
  expect(stored).toEqual(counted);
}

test('upserts, duplicates in a batch, rewrites and read marks', async () => {
  await items.upsertItems(ALICE, PUBSUB, 'a', posts('p', 30));
  await items.upsertItems(BOB, PUBSUB, 'a', posts('p', 3));
  await expectExact();
  expect(await items.nodeCounts(ALICE, PUBSUB, 'a')).toEqual({ itemCount: 30, unread: 30 });
  // The same id twice in one raw bulkPut, and rows rewritten: counted once.
  const [row] = await db.items.bulkGet([[ALICE, PUBSUB, 'a', 'p-0']]);
  await db.items.bulkPut([row!, { ...row!, read: 1 }, { ...row!, itemId: 'fresh', read: 1 }]);
  await items.upsertItems(ALICE, PUBSUB, 'a', posts('p', 10));
  await items.setRead(ALICE, PUBSUB, 'a', ['p-1', 'p-2', 'missing'], true);
  await expectExact();
  expect(await items.nodeCounts(ALICE, PUBSUB, 'a')).toEqual({ itemCount: 31, unread: 27 });
  await items.markNodeRead(ALICE, PUBSUB, 'a');
  await items.setRead(ALICE, PUBSUB, 'a', ['p-3'], false);
  await expectExact();
  expect(await items.unreadCount(ALICE, PUBSUB, 'a')).toBe(1);
  expect(await items.unreadCount(BOB, PUBSUB, 'a')).toBe(3);
});

test('retractions small and large, purges of a node and by date, clear', async () => {
  await items.upsertItems(ALICE, PUBSUB, 'big', posts('b', 1_200));
  await items.upsertItems(ALICE, PUBSUB, 'small', posts('s', 20));
  await items.upsertItems(BOB, PUBSUB, 'big', posts('b', 5));
  await items.deleteItems(ALICE, PUBSUB, 'small', ['s-0', 's-1', 's-1', 'nope']);
  await expectExact();
  // Over the read-before-delete limit: the node is counted again.
  await items.deleteItems(
    ALICE,
    PUBSUB,
    'big',
    posts('b', 700).map((p) => p.itemId),
  );
  await expectExact();
  expect(await items.countItems(ALICE, PUBSUB, 'big')).toBe(500);
  await purgeItems(db, ALICE, { scope: 'all' }, 1_000);
  await expectExact();
  await items.purgeNode(ALICE, PUBSUB, 'small');
  await expectExact();
  expect(await db.nodeCounts.get([ALICE, PUBSUB, 'small'])).toBeUndefined();
  await clearAccount(db, ALICE);
  await expectExact();
  expect(await items.countItems(BOB, PUBSUB, 'big')).toBe(5);
  await db.items.clear();
  expect(await db.nodeCounts.count()).toBe(0);
});

test('retention evictions are counted', async () => {
  await db.nodes.put({
    account: ALICE,
    service: PUBSUB,
    node: 'kept',
    followed: 1,
    syncState: 'completed',
    retention: { maxItems: 5 },
  } as never);
  await items.upsertItems(ALICE, PUBSUB, 'kept', posts('k', 12));
  await expectExact();
  expect(await items.countItems(ALICE, PUBSUB, 'kept')).toBe(5);
});

test('a write that aborts leaves the counts as they were', async () => {
  await items.upsertItems(ALICE, PUBSUB, 'a', posts('p', 4));
  await expect(
    db.transaction('rw', db.items, async () => {
      await db.items.bulkPut(
        posts('q', 3).map((p) => ({
          account: ALICE,
          service: PUBSUB,
          node: 'a',
          itemId: p.itemId,
          xml: p.xml,
          created: 0,
          updated: 0,
          seq: 0,
          fields: [],
          size: 1,
          read: 0 as const,
          pinned: 0 as const,
          fieldKeys: [],
        })),
      );
      throw new Error('abort');
    }),
  ).rejects.toThrow('abort');
  await expectExact();
  expect(await items.countItems(ALICE, PUBSUB, 'a')).toBe(4);
});
