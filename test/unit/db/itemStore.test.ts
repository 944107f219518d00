/** Writing and reading items: idempotent upserts, sequence numbers, read state, deletion. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import type { NewItem } from '../../../src/shared/records';
import { ALICE, BOB, PUBSUB, isolatedDb, newItems } from './fixtures';

let db: SatchelDb;
let items: ItemStore;
let clock: number;

beforeEach(async () => {
  db = await openSatchelDb(isolatedDb());
  clock = 10_000;
  items = createItemStore({ db, now: () => clock });
});
afterEach(() => {
  db.close();
});

const upsert = (batch: NewItem[], node = 'events') => items.upsertItems(ALICE, PUBSUB, node, batch);
const rowsOf = (node = 'events') =>
  db.items
    .where('[account+service+node+itemId]')
    .between([ALICE, PUBSUB, node, ''], [ALICE, PUBSUB, node, []])
    .toArray();

describe('upsertItems', () => {
  test('stores a batch with fresh sequence numbers, unread, and the times it was given or first seen', async () => {
    expect(await upsert(newItems)).toEqual({ added: newItems.map((i) => i.itemId), changed: [] });
    const post = await items.getItem(ALICE, PUBSUB, 'events', 'post-1');
    expect(post).toEqual({
      account: ALICE,
      service: PUBSUB,
      node: 'events',
      itemId: 'post-1',
      xml: newItems[0]!.xml,
      parsed: newItems[0]!.parsed,
      publisher: ALICE,
      created: 1_000,
      updated: 1_500,
      seq: 1,
      read: 0,
      pinned: 0,
      fields: newItems[0]!.fields,
      size: expect.any(Number) as number,
    });
    expect(post).not.toHaveProperty('fieldKeys');
    expect(post).not.toHaveProperty('searchTerms');
    expect(post).not.toHaveProperty('facetKeys');
    const broken = await items.getItem(ALICE, PUBSUB, 'events', 'broken');
    expect(broken).toMatchObject({
      parseError: 'missing <title/>',
      created: 10_000,
      updated: 10_000,
      seq: 3,
      fields: [],
    });
    expect(broken).not.toHaveProperty('parsed');
    expect(
      (await items.getItems(ALICE, PUBSUB, 'events', ['missing', 'ïtem-✓-𝄞 with spaces'])).map(
        (i) => i.seq,
      ),
    ).toEqual([4]);
  });

  test('is idempotent: the same batch again (a replay after resume) leaves identical rows', async () => {
    await upsert(newItems);
    const first = await rowsOf();
    const counter = await db.settings.get('itemSeq');
    clock += 60_000;
    expect(await upsert(newItems)).toEqual({ added: [], changed: [] });
    expect(await rowsOf()).toEqual(first);
    expect(await db.settings.get('itemSeq')).toEqual(counter);
  });

  test('a changed item keeps its seq, first-seen time, publisher and read state; updated moves', async () => {
    await upsert(newItems);
    await items.setRead(ALICE, PUBSUB, 'events', ['broken'], true);
    clock = 20_000;
    const result = await upsert([
      { itemId: 'broken', xml: '<item id="broken"><fixed/></item>', parsed: { ok: 1 } },
      { itemId: 'new', xml: '<item/>' },
    ]);
    expect(result).toEqual({ added: ['new'], changed: ['broken'] });
    expect(await items.getItem(ALICE, PUBSUB, 'events', 'broken')).toMatchObject({
      seq: 3,
      created: 10_000,
      updated: 20_000,
      read: 1,
      publisher: BOB,
      parsed: { ok: 1 },
    });
    expect(await items.getItem(ALICE, PUBSUB, 'events', 'broken')).not.toHaveProperty('parseError');
    expect((await items.getItem(ALICE, PUBSUB, 'events', 'new'))?.seq).toBe(5);
  });

  test('the last version of an id repeated in one batch wins, with one seq', async () => {
    await upsert([
      { itemId: 'x', xml: '<a/>' },
      { itemId: 'x', xml: '<b/>' },
    ]);
    expect(await rowsOf()).toMatchObject([{ itemId: 'x', xml: '<b/>', seq: 1 }]);
    expect((await db.settings.get('itemSeq'))?.value).toBe(1);
  });

  test('sequence numbers increase across nodes and accounts', async () => {
    await upsert(newItems.slice(0, 2), 'a');
    await items.upsertItems(BOB, BOB, 'b', newItems.slice(0, 2));
    await upsert(newItems.slice(2), 'a');
    expect(
      (await items.getItems(BOB, BOB, 'b', ['post-1', 'no-parser'])).map((i) => i.seq),
    ).toEqual([3, 4]);
    expect((await rowsOf('a')).map((i) => i.seq).sort()).toEqual([1, 2, 5, 6]);
  });

  test('the field index holds every distinct indexable value and nothing else', async () => {
    await upsert([
      {
        itemId: 'f',
        xml: '<f/>',
        fields: [
          ['t', 'a'],
          ['t', 'a'],
          ['t', 1],
          ['n', Number.NaN],
        ],
      },
    ]);
    // Schema v8: the search doc's *facets are the field index; the row holds no entries.
    expect((await rowsOf())[0]).not.toHaveProperty('fieldKeys');
    const [doc] = await db.searchDocs.toArray();
    expect(doc?.facets.map(([, field, value]) => [field, value])).toEqual([
      ['t', 'a'],
      ['t', 1],
    ]);
  });
});

describe('reading and removing', () => {
  beforeEach(async () => {
    await upsert(newItems);
    await upsert(newItems.slice(0, 1), 'other');
  });

  test('countItems, listItemIds, deleteItems and purgeNode stay within their node', async () => {
    expect(await items.countItems(ALICE, PUBSUB, 'events')).toBe(4);
    expect((await items.listItemIds(ALICE, PUBSUB, 'events')).sort()).toEqual(
      newItems.map((i) => i.itemId).sort(),
    );
    await items.deleteItems(ALICE, PUBSUB, 'events', ['post-1', 'not-there']);
    expect(await items.countItems(ALICE, PUBSUB, 'events')).toBe(3);
    await items.purgeNode(ALICE, PUBSUB, 'events');
    expect(await items.countItems(ALICE, PUBSUB, 'events')).toBe(0);
    expect(await items.countItems(ALICE, PUBSUB, 'other')).toBe(1);
  });

  test('read state: setRead, unreadCount, markNodeRead', async () => {
    expect(await items.unreadCount(ALICE, PUBSUB, 'events')).toBe(4);
    expect(await items.setRead(ALICE, PUBSUB, 'events', ['post-1', 'broken'], true)).toBe(2);
    expect(await items.unreadCount(ALICE, PUBSUB, 'events')).toBe(2);
    await items.setRead(ALICE, PUBSUB, 'events', ['post-1'], false);
    expect(await items.unreadCount(ALICE, PUBSUB, 'events')).toBe(3);
    expect(await items.markNodeRead(ALICE, PUBSUB, 'events')).toBe(3);
    expect(await items.unreadCount(ALICE, PUBSUB, 'events')).toBe(0);
    expect(await items.unreadCount(ALICE, PUBSUB, 'other')).toBe(1);
  });

  test('markNodeRead covers nodes larger than one modify chunk', async () => {
    const many = Array.from({ length: 2_500 }, (_, i) => ({ itemId: `m${i}`, xml: '<m/>' }));
    await upsert(many, 'big');
    expect(await items.markNodeRead(ALICE, PUBSUB, 'big')).toBe(2_500);
    expect(await items.unreadCount(ALICE, PUBSUB, 'big')).toBe(0);
  });

  test("listByPublisher finds an account's items by publisher across nodes", async () => {
    const byAlice = await items.listByPublisher(ALICE, ALICE, 10);
    expect(byAlice.map((i) => [i.node, i.itemId])).toEqual([
      ['events', 'post-1'],
      ['other', 'post-1'],
    ]);
    expect(await items.listByPublisher(ALICE, BOB, 10)).toHaveLength(1);
  });
});
