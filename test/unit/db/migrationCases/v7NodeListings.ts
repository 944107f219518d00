/** Migration to v7 (nodeListings): a new, empty table; every row of v6 stays as it was. */
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';

/** A v6 node row and its count, written out as version 6 stored them. */
const node = {
  account: ALICE,
  service: 'pubsub.example.org',
  node: 'blog',
  syncState: 'completed',
  syncStateAt: 1000,
  lastSyncAt: 1000,
  followed: 1,
};
const count = { account: ALICE, service: 'pubsub.example.org', node: 'blog', items: 2, unread: 1 };

export const v7NodeListings: MigrationCase = {
  async seed(db) {
    await db.table('nodes').add(node);
    await db.table('nodeCounts').add(count);
  },

  async verify(db) {
    const dump = await dumpTables(db);
    expect(dump.nodes).toEqual([node]);
    expect(dump.nodeCounts).toEqual([count]);
    // No listing yet: the node's first catch-up refreshes its newest items, then stores one.
    expect(dump.nodeListings).toEqual([]);
    const listing = {
      account: ALICE,
      service: 'pubsub.example.org',
      node: 'blog',
      ids: ['b', 'a'],
      at: 2000,
    };
    await db.table('nodeListings').put(listing);
    expect(await db.table('nodeListings').get([ALICE, 'pubsub.example.org', 'blog'])).toEqual(
      listing,
    );
  },
};
