/** Migration to v4 (searchDocs): the search entries move from the items to their own table. */
import type { Dexie } from 'dexie';
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';
const BOB = 'bob@example.net';
const PUBSUB = 'pubsub.example.org';
const BLOG = 'urn:xmpp:microblog:0';
const ODD_NODE = 'recettes/crème-brûlée/日本';
const ALICE_TAG = '46vl'; // accountTag(ALICE), as v3 wrote it
const BOB_TAG = 'wfpb';

/** A v3 item row, written out as version 3 stored it (search entries on the row). */
function v3Item(
  account: string,
  service: string,
  node: string,
  itemId: string,
  created: number,
  searchTerms: string[],
  fields: Array<[string, string | number]> = [],
  extra: Record<string, unknown> = {},
) {
  return {
    account,
    service,
    node,
    itemId,
    xml: `<item id="${itemId}"/>`,
    created,
    updated: created + 1,
    seq: created,
    fields,
    size: 40,
    read: 0,
    pinned: 0,
    fieldKeys: fields.map(([field, value]) => [account, service, node, field, value]),
    searchTerms,
    facetKeys: fields.map(([field, value]) => [account, service, node, field, value, created]),
    ...extra,
  };
}

const items = [
  v3Item(
    ALICE,
    ALICE,
    BLOG,
    'post-1',
    1000,
    [
      `${ALICE_TAG}\u0000creme\u0000fzzzzzzz87`,
      `${ALICE_TAG}\u0000cooking\u0000nzzzzzzz87`,
      `${ALICE_TAG}\u0000sugar\u0000uzzzzzzz87`,
    ],
    [['category', 'cooking']],
    { publisher: ALICE, pinned: 1, read: 1 },
  ),
  v3Item(
    ALICE,
    PUBSUB,
    ODD_NODE,
    'ïtem-✓-𝄞',
    2000,
    [`${ALICE_TAG}\u0000sugar\u0000uzzzzzzz7g`],
    [['lang', 'fr']],
  ),
  // Written before the search index existed in a v3 database that skipped none: no entries.
  v3Item(ALICE, PUBSUB, ODD_NODE, 'bare', 3000, []),
  v3Item(BOB, BOB, BLOG, '', 5000, [`${BOB_TAG}\u0000heart\u0000uzzzzzzw53`]),
];

export const v4SearchDocs: MigrationCase = {
  async seed(db: Dexie) {
    await db.table('settings').bulkAdd([{ key: 'itemSeq', value: 5000 }]);
    await db.table('items').bulkAdd(items);
  },

  async verify(db: Dexie) {
    const dump = await dumpTables(db);
    expect(dump.settings).toEqual([{ key: 'itemSeq', value: 5000 }]);
    // Items intact without their search entries.
    expect(dump.items).toHaveLength(items.length);
    for (const { searchTerms: _terms, facetKeys: _facets, ...row } of items)
      expect(dump.items).toContainEqual(row);
    // One number per node, one doc per item with v3's words reused.
    const nodes = dump.searchNodes as Array<{
      account: string;
      service: string;
      node: string;
      num: number;
    }>;
    expect(nodes.map((n) => n.num).sort()).toEqual([1, 2, 3]);
    const num = (account: string, service: string, node: string) =>
      nodes.find((n) => n.account === account && n.service === service && n.node === node)?.num;
    const blog = num(ALICE, ALICE, BLOG)!;
    expect(dump.searchDocs).toContainEqual({
      node: blog,
      item: 'post-1',
      account: ALICE,
      created: 1000,
      updated: 1001,
      pinned: 1,
      publisher: ALICE,
      fields: [['category', 'cooking']],
      terms: items[0]!.searchTerms,
      facets: [[blog, 'category', 'cooking', 1000]],
    });
    expect(dump.searchDocs).toHaveLength(items.length);
    // The new indexes answer.
    const docs = db.table('searchDocs');
    const sugar = await docs
      .where('terms')
      .between(`${ALICE_TAG}\u0000sugar\u0000`, `${ALICE_TAG}\u0000sugar\u0000\uffff`)
      .primaryKeys();
    // Newest first within a field.
    expect(sugar).toEqual([
      [num(ALICE, PUBSUB, ODD_NODE), 'ïtem-✓-𝄞'],
      [blog, 'post-1'],
    ]);
    expect(await docs.where('facets').equals([blog, 'category', 'cooking', 1000]).count()).toBe(1);
    expect(await docs.where('[account+created]').between([ALICE, 0], [ALICE, 2500]).count()).toBe(
      2,
    );
    expect(
      await docs
        .where('[node+updated]')
        .equals([num(BOB, BOB, BLOG)!, 5001])
        .count(),
    ).toBe(1);
    expect(await docs.where('[account+pinned]').equals([ALICE, 1]).count()).toBe(1);
  },
};
