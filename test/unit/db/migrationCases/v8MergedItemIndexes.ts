/** Migration to v8 (mergedItemIndexes): the items lose *fieldKeys and their pin index; the
 * docs' *facets and [account+pinned] answer the same questions; no row changes. */
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';
const PUBSUB = 'pubsub.example.org';
const NODE = 'recettes/crème-brûlée/日本';

/** A v7 item row and its search doc, written out as version 7 stored them. */
function v7Item(itemId: string, created: number, category: string, pinned: 0 | 1) {
  const fields = [
    ['category', category],
    ['rating', created / 1000],
  ] as Array<[string, string | number]>;
  const item = {
    account: ALICE,
    service: PUBSUB,
    node: NODE,
    itemId,
    xml: `<item id="${itemId}"/>`,
    created,
    updated: created,
    seq: created / 1000,
    fields,
    size: 40,
    read: 0,
    pinned,
    fieldKeys: fields.map(([field, value]) => [ALICE, PUBSUB, NODE, field, value]),
  };
  const doc = {
    node: 1,
    item: itemId,
    account: ALICE,
    created,
    updated: created,
    pinned,
    fields,
    terms: [],
    facets: fields.map(([field, value]) => [1, field, value, created]),
  };
  return { item, doc };
}

const rows = [
  v7Item('a', 1000, 'cooking', 1),
  v7Item('b', 2000, 'xmpp', 0),
  v7Item('c', 3000, 'cooking', 0),
];
const searchNode = { account: ALICE, service: PUBSUB, node: NODE, num: 1 };

export const v8MergedItemIndexes: MigrationCase = {
  async seed(db) {
    await db.table('items').bulkAdd(rows.map((r) => r.item));
    await db.table('searchDocs').bulkAdd(rows.map((r) => r.doc));
    await db.table('searchNodes').add(searchNode);
  },

  async verify(db) {
    const dump = await dumpTables(db);
    // No row changes: the old fieldKeys property stays until the row is written again.
    expect(dump.items).toEqual(rows.map((r) => r.item));
    expect(dump.searchDocs).toEqual(rows.map((r) => r.doc));
    const itemIndexes = db
      .table('items')
      .schema.indexes.map((i) => i.name)
      .sort();
    expect(itemIndexes).not.toContain('fieldKeys');
    expect(itemIndexes).not.toContain('[account+pinned+service+node]');
    expect(itemIndexes).toContain('[account+created]');
    // What the two indexes answered, the docs' indexes answer.
    const cooking = await db
      .table('searchDocs')
      .where('facets')
      .between([1, 'category', 'cooking', -Infinity], [1, 'category', 'cooking', Infinity])
      .primaryKeys();
    expect(cooking).toEqual([
      [1, 'a'],
      [1, 'c'],
    ]);
    const pinned = await db
      .table('searchDocs')
      .where('[account+pinned]')
      .equals([ALICE, 1])
      .primaryKeys();
    expect(pinned).toEqual([[1, 'a']]);
  },
};
