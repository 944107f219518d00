/** Migration to v9 (outbox): a new, empty table; every row of v8 stays as it was. */
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';

/** v8 rows written out as version 8 stored them (these tables are as v7 left them): a node, its count and its listing. */
const node = {
  account: ALICE,
  service: ALICE,
  node: 'urn:xmpp:microblog:0',
  syncState: 'completed',
  syncStateAt: 1000,
  lastSyncAt: 1000,
  followed: 1,
};
const count = { account: ALICE, service: ALICE, node: 'urn:xmpp:microblog:0', items: 2, unread: 0 };
const listing = {
  account: ALICE,
  service: ALICE,
  node: 'urn:xmpp:microblog:0',
  ids: ['b', 'ä'],
  at: 1000,
};

export const v9Outbox: MigrationCase = {
  async seed(db) {
    await db.table('nodes').add(node);
    await db.table('nodeCounts').add(count);
    await db.table('nodeListings').add(listing);
  },

  async verify(db) {
    const dump = await dumpTables(db);
    expect(dump.nodes).toEqual([node]);
    expect(dump.nodeCounts).toEqual([count]);
    expect(dump.nodeListings).toEqual([listing]);
    expect(dump.outbox).toEqual([]);
    // The key is the order of writes, and the account index lists them in that order.
    const write = (itemId: string, account = ALICE) => ({
      account,
      op: 'publish',
      service: ALICE,
      node: 'urn:xmpp:microblog:0',
      itemId,
      state: 'queued',
      revision: 0,
      attempts: 0,
      createdAt: 2000,
      updatedAt: 2000,
    });
    const first = await db.table('outbox').add(write('z'));
    await db.table('outbox').add(write('x', 'bob@example.org'));
    const third = await db.table('outbox').add(write('a'));
    expect(third).toBeGreaterThan(first as number);
    const alice = await db.table('outbox').where('account').equals(ALICE).toArray();
    expect(alice.map((e: { itemId: string }) => e.itemId)).toEqual(['z', 'a']);
  },
};
