/** Migration to v5 (nodeCounts): each node's item and unread counts, counted once. */
import { cmp, type Dexie } from 'dexie';
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';
const BOB = 'bob@example.net';
const PUBSUB = 'pubsub.example.org';
const BLOG = 'urn:xmpp:microblog:0';
const ODD_NODE = 'recettes/crème-brûlée/日本';

/** A v4 item row, written out as version 4 stored it. */
function v4Item(account: string, service: string, node: string, itemId: string, read: 0 | 1) {
  return {
    account,
    service,
    node,
    itemId,
    xml: `<item id="${itemId}"/>`,
    created: 1000,
    updated: 1001,
    seq: 1,
    fields: [],
    size: 40,
    read,
    pinned: 0,
    fieldKeys: [],
  };
}

const items = [
  v4Item(ALICE, ALICE, BLOG, 'a1', 0),
  v4Item(ALICE, ALICE, BLOG, 'a2', 1),
  v4Item(ALICE, ALICE, BLOG, 'a3', 0),
  v4Item(ALICE, PUBSUB, ODD_NODE, 'ïtem-✓-𝄞', 1),
  // The same node address under another account is another node.
  v4Item(BOB, ALICE, BLOG, 'a1', 0),
];

export const v5NodeCounts: MigrationCase = {
  async seed(db: Dexie) {
    await db.table('items').bulkAdd(items);
  },

  async verify(db: Dexie) {
    const dump = await dumpTables(db);
    expect(dump.items).toEqual([...items].sort((a, b) => cmp(keyOf(a), keyOf(b))));
    expect(dump.nodeCounts).toEqual([
      { account: ALICE, service: ALICE, node: BLOG, items: 3, unread: 2 },
      { account: ALICE, service: PUBSUB, node: ODD_NODE, items: 1, unread: 0 },
      { account: BOB, service: ALICE, node: BLOG, items: 1, unread: 1 },
    ]);
    // Kept from now on by the middleware: a retraction and a read mark count at once.
    await db.table('items').delete([ALICE, ALICE, BLOG, 'a1']);
    await db.table('items').update([ALICE, ALICE, BLOG, 'a3'], { read: 1 });
    expect(await db.table('nodeCounts').get([ALICE, ALICE, BLOG])).toMatchObject({
      items: 2,
      unread: 0,
    });
  },
};

const keyOf = (row: { account: string; service: string; node: string; itemId: string }) => [
  row.account,
  row.service,
  row.node,
  row.itemId,
];
