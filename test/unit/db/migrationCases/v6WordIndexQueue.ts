/** Migration to v6 (wordIndexQueue): a queue index on the search docs; no row changes. */
import { Dexie } from 'dexie';
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';
const BOB = 'bob@example.net';

/** A v5 search doc, written out as version 5 stored it (words indexed, no queue). */
function v5Doc(node: number, item: string, account: string, terms: string[]) {
  return {
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
}

const docs = [
  v5Doc(1, 'a1', ALICE, ['46vl\u0000offline\u0000vzzzzzzzz']),
  v5Doc(1, 'ïtem-✓-𝄞', ALICE, ['46vl\u0000日本\u0000vzzzzzzzz']),
  v5Doc(2, 'b1', BOB, ['wfpb\u0000zephyr\u0000vzzzzzzzz']),
];

export const v6WordIndexQueue: MigrationCase = {
  async seed(db: Dexie) {
    await db.table('searchDocs').bulkAdd(docs);
  },

  async verify(db: Dexie) {
    const dump = await dumpTables(db);
    expect(dump.searchDocs).toEqual(docs);
    const queue = db.table('searchDocs').where('[account+queued]');
    // Every doc written before v6 has its words indexed: the queue starts empty.
    expect(await queue.between([ALICE, Dexie.minKey], [BOB, Dexie.maxKey]).count()).toBe(0);
    expect(
      await db
        .table('searchDocs')
        .where('terms')
        .equals('46vl\u0000offline\u0000vzzzzzzzz')
        .count(),
    ).toBe(1);
    // A doc a sync queues from now on is listed, per account.
    await db.table('searchDocs').put({ ...docs[2], item: 'b2', terms: [], queued: 1 });
    expect(await queue.between([BOB, Dexie.minKey], [BOB, Dexie.maxKey]).primaryKeys()).toEqual([
      [2, 'b2'],
    ]);
  },
};
