/** queryItems: ordering, RSM paging (XEP-0059 §2) and every field operator. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import type { FieldCondition, ItemQuery } from '../../../src/shared/itemQuery';
import type { NewItem } from '../../../src/shared/records';
import { ALICE, PUBSUB, isolatedDb } from './fixtures';

let db: SatchelDb;
let items: ItemStore;

/**
 * Ten items i0..i9, inserted in that order (seq 1..10). `created` runs the other way so the
 * orders differ: created(iK) = 1000 - K; updated(iK) = (K * 7) % 10 (a shuffle).
 * Fields: n = K (number), s = 'v' + K (string), tag = a list, and i9 has no fields at all.
 */
const TAGS: string[][] = [
  ['red'],
  ['red', 'blue'],
  ['blue'],
  [],
  ['green', 'red'],
  ['green'],
  ['blue', 'green'],
  ['red'],
  [],
  [],
];
function item(k: number): NewItem {
  const base: NewItem = {
    itemId: `i${k}`,
    xml: `<item id="i${k}"/>`,
    created: 1000 - k,
    updated: (k * 7) % 10,
  };
  if (k === 9) return base;
  return {
    ...base,
    parsed: { n: k },
    fields: [['n', k], ['s', `v${k}`], ...TAGS[k]!.map((tag): [string, string] => ['tag', tag])],
  };
}

beforeAll(async () => {
  db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db });
  for (let k = 0; k < 10; k += 1) await items.upsertItems(ALICE, PUBSUB, 'n', [item(k)]);
  // A neighbour node with the same field values must never leak in.
  await items.upsertItems(ALICE, PUBSUB, 'other', [item(1), item(2)]);
});
afterAll(() => {
  db.close();
});

const base: ItemQuery = {
  account: ALICE,
  service: PUBSUB,
  node: 'n',
  orderBy: 'seq',
  direction: 'asc',
  max: 100,
};
const ids = async (q: Partial<ItemQuery>) =>
  (await items.queryItems({ ...base, ...q })).items.map((i) => i.itemId);
const where = (...conditions: FieldCondition[]) => ids({ conditions });

describe('order', () => {
  test.each([
    ['seq', 'asc', 'i0 i1 i2 i3 i4 i5 i6 i7 i8 i9'],
    ['seq', 'desc', 'i9 i8 i7 i6 i5 i4 i3 i2 i1 i0'],
    ['created', 'desc', 'i0 i1 i2 i3 i4 i5 i6 i7 i8 i9'],
    ['created', 'asc', 'i9 i8 i7 i6 i5 i4 i3 i2 i1 i0'],
    ['updated', 'asc', 'i0 i3 i6 i9 i2 i5 i8 i1 i4 i7'],
    ['updated', 'desc', 'i7 i4 i1 i8 i5 i2 i9 i6 i3 i0'],
  ] as const)('%s %s', async (orderBy, direction, expected) => {
    expect((await ids({ orderBy, direction })).join(' ')).toBe(expected);
  });
});

describe('paging (XEP-0059 §2)', () => {
  test('first page: items, total, index, first and last', async () => {
    expect(await items.queryItems({ ...base, max: 3 })).toMatchObject({
      total: 10,
      index: 0,
      first: 'i0',
      last: 'i2',
    });
  });

  test('after: the page after that item, in this order', async () => {
    const page = await items.queryItems({ ...base, direction: 'desc', max: 3, after: 'i7' });
    expect(page).toMatchObject({ total: 10, index: 3, first: 'i6', last: 'i4' });
    expect(page.items.map((i) => i.itemId)).toEqual(['i6', 'i5', 'i4']);
  });

  test('before: the page ending just before that item', async () => {
    expect(await ids({ max: 3, before: 'i5' })).toEqual(['i2', 'i3', 'i4']);
    expect(await ids({ max: 3, before: 'i1' })).toEqual(['i0']);
    expect(await items.queryItems({ ...base, max: 3, before: 'i5' })).toMatchObject({ index: 2 });
  });

  test("before '' is the last page", async () => {
    expect(await items.queryItems({ ...base, max: 4, before: '' })).toMatchObject({
      index: 6,
      first: 'i6',
      last: 'i9',
    });
  });

  test('index: an offset, past the end an empty page', async () => {
    expect(await ids({ max: 2, index: 4 })).toEqual(['i4', 'i5']);
    expect(await ids({ max: 2, index: 4, direction: 'desc' })).toEqual(['i5', 'i4']);
    const past = await items.queryItems({ ...base, max: 2, index: 50 });
    expect(past).toEqual({ items: [], total: 10, index: 10 });
  });

  test('walking with after reaches every item once, then an empty page', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await items.queryItems({
        ...base,
        orderBy: 'updated',
        max: 4,
        ...(after === undefined ? {} : { after }),
      });
      if (page.items.length === 0) break;
      seen.push(...page.items.map((i) => i.itemId));
      after = page.last;
    }
    expect(seen).toEqual(await ids({ orderBy: 'updated' }));
  });

  test('max 0 gives the count only', async () => {
    expect(
      await items.queryItems({
        ...base,
        max: 0,
        conditions: [{ field: 'tag', op: '==', value: 'red' }],
      }),
    ).toEqual({
      items: [],
      total: 4,
      index: 0,
    });
  });

  test('a cursor that is not in the result is item-not-found', async () => {
    await expect(items.queryItems({ ...base, after: 'nope' })).rejects.toMatchObject({
      code: 'item-not-found',
    });
    // i3 exists but has no red tag.
    const red: FieldCondition = { field: 'tag', op: '==', value: 'red' };
    await expect(
      items.queryItems({ ...base, after: 'i3', conditions: [red] }),
    ).rejects.toMatchObject({ code: 'item-not-found' });
  });

  test('paging within a condition', async () => {
    const red: FieldCondition = { field: 'tag', op: 'in', value: ['red'] };
    const page = await items.queryItems({ ...base, max: 2, after: 'i1', conditions: [red] });
    expect(page).toMatchObject({ total: 4, index: 2, first: 'i4', last: 'i7' });
  });
});

describe('conditions', () => {
  test.each([
    [{ field: 'n', op: '==', value: 3 }, 'i3'],
    [{ field: 'n', op: '!=', value: 3 }, 'i0 i1 i2 i4 i5 i6 i7 i8 i9'],
    [{ field: 'n', op: '<', value: 3 }, 'i0 i1 i2'],
    [{ field: 'n', op: '<=', value: 3 }, 'i0 i1 i2 i3'],
    [{ field: 'n', op: '>', value: 6 }, 'i7 i8'],
    [{ field: 'n', op: '>=', value: 6 }, 'i6 i7 i8'],
    [{ field: 'n', op: 'between', value: [2, 4] }, 'i2 i3 i4'],
    [{ field: 'n', op: 'between', value: [4, 2] }, ''],
    [{ field: 'n', op: 'in', value: [1, 5, 42] }, 'i1 i5'],
    [{ field: 'n', op: 'not_in', value: [1, 5] }, 'i0 i2 i3 i4 i6 i7 i8 i9'],
    [{ field: 's', op: '<', value: 'v3' }, 'i0 i1 i2'],
    [{ field: 's', op: '>', value: 'v6' }, 'i7 i8'],
    [{ field: 's', op: '>=', value: '' }, 'i0 i1 i2 i3 i4 i5 i6 i7 i8'],
    // Like with like: a number bound does not see the field's strings.
    [{ field: 's', op: '<', value: 100 }, ''],
    [{ field: 'tag', op: 'overlap', value: ['blue', 'green'] }, 'i1 i2 i4 i5 i6'],
    [{ field: 'tag', op: 'disjoint', value: ['blue', 'green'] }, 'i0 i3 i7 i8 i9'],
    [{ field: 'tag', op: '==', value: 'red' }, 'i0 i1 i4 i7'],
    [{ field: 'tag', op: 'in', value: [] }, ''],
    [{ field: 'tag', op: 'not_in', value: [] }, 'i0 i1 i2 i3 i4 i5 i6 i7 i8 i9'],
    [{ field: 'missing', op: '!=', value: 1 }, 'i0 i1 i2 i3 i4 i5 i6 i7 i8 i9'],
    [{ field: 'missing', op: '==', value: 1 }, ''],
  ] satisfies Array<[FieldCondition, string]>)('%o', async (condition, expected) => {
    expect((await where(condition)).join(' ')).toBe(expected);
  });

  test('conditions combine with AND, the total counts matches only', async () => {
    const conditions: FieldCondition[] = [
      { field: 'tag', op: 'overlap', value: ['red', 'green'] },
      { field: 'n', op: '<', value: 7 },
      { field: 'tag', op: '!=', value: 'blue' },
    ];
    const page = await items.queryItems({ ...base, direction: 'desc', conditions });
    expect(page.items.map((i) => i.itemId)).toEqual(['i5', 'i4', 'i0']);
    expect(page.total).toBe(3);
  });

  test('an item without parsed fields is returned whole', async () => {
    const [i9] = (
      await items.queryItems({
        ...base,
        conditions: [{ field: 'n', op: '!=', value: 0 }],
        before: '',
        max: 1,
      })
    ).items;
    expect(i9).toMatchObject({ itemId: 'i9', fields: [], read: 0 });
    expect(i9).not.toHaveProperty('parsed');
  });

  test('malformed queries are bad-request', async () => {
    const bad = [
      { ...base, max: -1 },
      { ...base, max: 1.5 },
      { ...base, orderBy: 'title' },
      { ...base, conditions: [{ field: 'n', op: '~', value: 1 }] },
      { ...base, conditions: [{ field: 'n', op: 'between', value: [1, 'z'] }] },
      { ...base, conditions: [{ field: 'n', op: 'in', value: 3 }] },
      { ...base, conditions: [{ field: 'n', op: '==', value: Number.NaN }] },
    ] as unknown as ItemQuery[];
    for (const query of bad)
      await expect(items.queryItems(query)).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('an equality in created order (idsByCreatedWithValue.ts)', () => {
  test('orders like the node filtered, equal times included, both ways and with cursors', async () => {
    const tied = Array.from({ length: 30 }, (_, k): NewItem => ({
      itemId: `t${String((k * 7) % 30).padStart(2, '0')}`, // inserted out of id order
      xml: '<item/>',
      created: 100 + Math.floor(k / 4), // four items share each time
      fields: [['kind', k % 3 === 0 ? 'x' : 'y']],
    }));
    await items.upsertItems(ALICE, PUBSUB, 'ties', tied);
    for (const direction of ['desc', 'asc'] as const) {
      const all = await items.queryItems({
        account: ALICE,
        service: PUBSUB,
        node: 'ties',
        orderBy: 'created',
        direction,
        max: 100,
      });
      const xs = all.items.filter((i) => i.fields.some(([, v]) => v === 'x')).map((i) => i.itemId);
      const q: ItemQuery = {
        account: ALICE,
        service: PUBSUB,
        node: 'ties',
        orderBy: 'created',
        direction,
        max: 4,
        conditions: [{ field: 'kind', op: '==', value: 'x' }],
      };
      const first = await items.queryItems(q);
      expect(first.total).toBe(xs.length);
      expect(first.items.map((i) => i.itemId)).toEqual(xs.slice(0, 4));
      const next = await items.queryItems({ ...q, after: first.last });
      expect(next.items.map((i) => i.itemId)).toEqual(xs.slice(4, 8));
      expect(next.index).toBe(4);
    }
  });
});
