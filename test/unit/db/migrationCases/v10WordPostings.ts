/**
 * Migration to v10 (wordPostings): the words leave `*terms` for the postings. Every doc with
 * words is in a batch, and its entries are in that batch's rows, sorted as `*terms` sorted them.
 */
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';
const BOB = 'bob@example.net';

/** A v9 search doc, written out as version 9 stored it. */
function v9Doc(node: number, item: string, account: string, terms: string[], queued = false) {
  const doc: Record<string, unknown> = {
    node,
    item,
    account,
    created: 1000,
    updated: 1001,
    pinned: 0,
    fields: [['category', 'offline']],
    terms,
    facets: [[node, 'category', 'offline', 1000]],
  };
  if (queued) doc.queued = 1;
  return doc;
}

// Entries: tag \0 word \0 <31 - mask, base 32> <time code, 9 characters>.
const OFFLINE_BODY = '46vl\u0000offline\u0000u';
const docs = [
  v9Doc(1, 'a2', ALICE, [`${OFFLINE_BODY}000000002`, '46vl\u0000日本\u0000f000000002']),
  v9Doc(1, 'a1', ALICE, [`${OFFLINE_BODY}000000005`]),
  v9Doc(1, 'ïtem-✓-𝄞', ALICE, [`${OFFLINE_BODY}000000002`]),
  v9Doc(2, 'b1', BOB, ['wfpb\u0000zephyr\u0000u000000001']),
  // Queued by a sync: no words yet, so in no batch.
  v9Doc(2, 'b2', BOB, [], true),
];

export const v10WordPostings: MigrationCase = {
  async seed(db) {
    await db.table('searchDocs').bulkAdd(docs);
  },

  async verify(db) {
    const dump = await dumpTables(db);
    // The docs keep every property; those with words record their batch (one page: 1).
    expect(dump.searchDocs).toEqual([
      { ...docs[1], batch: 1 },
      { ...docs[0], batch: 1 },
      { ...docs[2], batch: 1 },
      { ...docs[3], batch: 1 },
      docs[4],
    ]);
    expect(dump.postings).toEqual([
      { node: 0, group: '', batch: 0, next: 2 },
      {
        node: 1,
        group: OFFLINE_BODY,
        batch: 1,
        first: '000000002',
        // Equal codes in item id order, as `*terms` listed equal keys by primary key.
        codes: ['000000002', '000000002', '000000005'],
        items: ['a2', 'ïtem-✓-𝄞', 'a1'],
      },
      {
        node: 1,
        group: '46vl\u0000日本\u0000f',
        batch: 1,
        first: '000000002',
        codes: ['000000002'],
        items: ['a2'],
      },
      {
        node: 2,
        group: 'wfpb\u0000zephyr\u0000u',
        batch: 1,
        first: '000000001',
        codes: ['000000001'],
        items: ['b1'],
      },
    ]);
    // The word index is gone from the docs; the postings are read by word, newest first.
    expect(db.table('searchDocs').schema.idxByName.terms).toBeUndefined();
    const zephyr = await db
      .table('postings')
      .where('[group+first]')
      .between(['wfpb\u0000zephyr\u0000', ''], ['wfpb\u0000zephyr\u0000\uffff', '\uffff'])
      .toArray();
    expect(zephyr.map((row: { items: string[] }) => row.items)).toEqual([['b1']]);
  },
};
