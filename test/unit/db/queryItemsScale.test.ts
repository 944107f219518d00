/**
 * queryItems on a 5,000-item node loads the page's rows only: conditions and cursors are
 * served by index keys: an equality in `created` order by the search docs' facet index
 * (idsByCreatedWithValue.ts), other conditions that leave few candidates (at most a 20th of the
 * node) by reading and ordering their rows instead of every key of the node (orderFewMatches.ts).
 * A DBCore middleware counts every row IndexedDB hands to Dexie.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import type { ItemQuery } from '../../../src/shared/itemQuery';
import type { NewItem } from '../../../src/shared/records';
import { countItemReads, instrument } from './dbCoreSpies';
import { ALICE, PUBSUB, isolatedDb } from './fixtures';

const SIZE = 5_000;
let db: SatchelDb;
let items: ItemStore;
const { counts, middleware } = countItemReads();

beforeAll(async () => {
  db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db });
  const batch = Array.from({ length: SIZE }, (_, k): NewItem => ({
    itemId: `item-${k}`,
    xml: `<item id="item-${k}"><entry>${'x'.repeat(200)}</entry></item>`,
    created: k,
    fields: [
      ['n', k],
      ['tag', k % 100 === 0 ? 'rare' : 'common'],
    ],
  }));
  await items.upsertItems(ALICE, PUBSUB, 'big', batch);
  await instrument(db, middleware);
}, 30_000);
afterAll(() => {
  db.close();
});

const base: ItemQuery = {
  account: ALICE,
  service: PUBSUB,
  node: 'big',
  orderBy: 'created',
  direction: 'desc',
  max: 20,
};

function reads<T>(
  run: () => Promise<T>,
): Promise<{ result: T; rows: number; valueCursors: number }> {
  counts.rows = 0;
  counts.valueCursors = 0;
  return run().then((result) => ({ result, rows: counts.rows, valueCursors: counts.valueCursors }));
}

test('the counter is honest: reading the whole node is seen as 5,000 rows', async () => {
  const { rows } = await reads(() =>
    db.items
      .where('[account+service+node+created]')
      .between([ALICE, PUBSUB, 'big', -Infinity], [ALICE, PUBSUB, 'big', []])
      .toArray(),
  );
  expect(rows).toBe(SIZE);
});

/** Rows a query may read: its page's, or its few candidates' (50 items tagged 'rare'). */
const PAGE = 'page';
test.each<[string, Partial<ItemQuery>, number, string, typeof PAGE | number]>([
  ['first page', {}, SIZE, 'item-4999', PAGE],
  // An equality, newest or oldest first: its matches in order from the search docs' facets.
  ['==', { conditions: [{ field: 'tag', op: '==', value: 'rare' }] }, 50, 'item-4900', PAGE],
  // 50 candidates of a range (no equality): their rows, ordered (orderFewMatches.ts).
  [
    'few by a range',
    { conditions: [{ field: 'n', op: 'between', value: [100, 149] }] },
    50,
    'item-149',
    50,
  ],
  // 1,000 candidates are more than a 20th of the node: keys, then the page.
  ['range', { conditions: [{ field: 'n', op: '<', value: 1000 }] }, 1000, 'item-999', PAGE],
  [
    'negative',
    { conditions: [{ field: 'tag', op: '!=', value: 'common' }] },
    50,
    'item-4900',
    PAGE,
  ],
  [
    'combined',
    {
      conditions: [
        { field: 'tag', op: 'in', value: ['rare'] },
        { field: 'n', op: 'between', value: [1000, 1999] },
      ],
    },
    10,
    'item-1900',
    PAGE,
  ],
  [
    'oldest first after a cursor, with a condition',
    {
      direction: 'asc',
      after: 'item-100',
      conditions: [{ field: 'tag', op: '==', value: 'rare' }],
    },
    50,
    'item-200',
    PAGE,
  ],
  ['after a cursor', { after: 'item-2500' }, SIZE, 'item-2499', PAGE],
  ['an offset', { index: 3000 }, SIZE, 'item-1999', PAGE],
  [
    'before a cursor with a condition',
    { before: 'item-100', conditions: [{ field: 'tag', op: '==', value: 'rare' }] },
    50,
    'item-2100',
    PAGE,
  ],
])('%s: loads the page, or its few candidates', async (_name, query, total, first, expected) => {
  const { result, rows, valueCursors } = await reads(() => items.queryItems({ ...base, ...query }));
  expect(result.total).toBe(total);
  expect(result.first).toBe(first);
  expect(valueCursors).toBe(0);
  expect(rows).toBe(expected === PAGE ? result.items.length : expected);
  expect(result.items.length).toBeLessThanOrEqual(base.max);
});

test('unreadCount reads no row', async () => {
  const { result, rows, valueCursors } = await reads(() => items.unreadCount(ALICE, PUBSUB, 'big'));
  expect(result).toBe(SIZE);
  expect(rows + valueCursors).toBe(0);
});
