/**
 * queryItems on a 5,000-item node loads the page's rows only: conditions and cursors are
 * served by index keys. A DBCore middleware counts every row IndexedDB hands to Dexie.
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

test.each<[string, Partial<ItemQuery>, number, string]>([
  ['first page', {}, SIZE, 'item-4999'],
  ['==', { conditions: [{ field: 'tag', op: '==', value: 'rare' }] }, 50, 'item-4900'],
  ['range', { conditions: [{ field: 'n', op: '<', value: 1000 }] }, 1000, 'item-999'],
  ['negative', { conditions: [{ field: 'tag', op: '!=', value: 'common' }] }, 50, 'item-4900'],
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
  ],
  ['after a cursor', { after: 'item-2500' }, SIZE, 'item-2499'],
  ['an offset', { index: 3000 }, SIZE, 'item-1999'],
  [
    'before a cursor with a condition',
    { before: 'item-100', conditions: [{ field: 'tag', op: '==', value: 'rare' }] },
    50,
    'item-2100',
  ],
])('%s: loads only the page', async (_name, query, total, first) => {
  const { result, rows, valueCursors } = await reads(() => items.queryItems({ ...base, ...query }));
  expect(result.total).toBe(total);
  expect(result.first).toBe(first);
  expect(valueCursors).toBe(0);
  expect(rows).toBe(result.items.length);
  expect(rows).toBeLessThanOrEqual(base.max);
});

test('unreadCount reads no row', async () => {
  const { result, rows, valueCursors } = await reads(() => items.unreadCount(ALICE, PUBSUB, 'big'));
  expect(result).toBe(SIZE);
  expect(rows + valueCursors).toBe(0);
});
