/** Migration to v2 (itemReadState): every item cached at v1 arrives unread and indexed. */
import type { Dexie } from 'dexie';
import { expect } from 'vitest';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';
const BOB = 'bob@example.net';
const PUBSUB = 'pubsub.example.org';
const ODD_NODE = 'recettes/crème-brûlée/日本';

/** A v1 item row, written out as version 1 stored it (fieldKeys derived, no `read`). */
function v1Item(
  account: string,
  service: string,
  node: string,
  itemId: string,
  seq: number,
  extra: Record<string, unknown> = {},
  fields: Array<[string, string | number]> = [],
) {
  return {
    account,
    service,
    node,
    itemId,
    xml: `<item id="${itemId}"/>`,
    created: 1_000 * seq,
    updated: 1_000 * seq + 1,
    seq,
    fields,
    size: 40,
    fieldKeys: fields.map(([field, value]) => [account, service, node, field, value]),
    ...extra,
  };
}

const v1Rows = {
  accounts: [
    {
      jid: ALICE,
      websocketUrl: 'wss://example.org/ws',
      staySignedIn: true,
      allowPlain: false,
      createdAt: 1,
      updatedAt: 2,
      scram: { salt: 'c2FsdA==', iterations: 4096, clientKey: 'Y2s=', serverKey: 'c2s=' },
    },
    {
      jid: BOB,
      websocketUrl: 'ws://localhost:5280/ws',
      staySignedIn: false,
      allowPlain: true,
      createdAt: 3,
      updatedAt: 3,
    },
  ],
  resumption: [
    { account: ALICE, smId: 'sm-1', inbound: 7, fullJid: `${ALICE}/satchel-00ff00ff`, savedAt: 9 },
  ],
  settings: [
    { key: 'installResource', value: 'satchel-00ff00ff' },
    { key: 'itemSeq', value: 6 },
  ],
  nodes: [
    {
      account: ALICE,
      service: PUBSUB,
      node: 'news',
      syncState: 'completed',
      syncStateAt: 5,
      subscription: 'subscribed',
      followed: 1,
      config: { maxItems: 'max', raw: { 'pubsub#max_items': 'max' } },
    },
    {
      account: ALICE,
      service: PUBSUB,
      node: ODD_NODE,
      syncState: 'error',
      syncStateAt: 6,
      subscription: 'none',
      followed: 0,
      syncError: { code: 'timeout', message: 'slow', at: 6, attempts: 1 },
    },
    {
      account: BOB,
      service: BOB,
      node: 'urn:xmpp:microblog:0',
      syncState: 'pending',
      syncStateAt: 7,
      subscription: 'subscribed',
      followed: 1,
    },
  ],
  items: [
    v1Item(
      ALICE,
      PUBSUB,
      'news',
      'n1',
      1,
      { parsed: { title: 'One', tags: ['a', 'b'] }, publisher: ALICE },
      [
        ['tag', 'a'],
        ['tag', 'b'],
        ['rating', 3],
      ],
    ),
    v1Item(ALICE, PUBSUB, 'news', 'no-parser', 2),
    v1Item(ALICE, PUBSUB, 'news', 'broken', 3, { parseError: 'missing title' }),
    v1Item(ALICE, PUBSUB, ODD_NODE, 'ïtem-✓-𝄞', 4, { parsed: { body: 'héllo' } }, [['lang', 'fr']]),
    v1Item(BOB, BOB, 'urn:xmpp:microblog:0', 'n1', 5, { publisher: BOB }),
    v1Item(BOB, BOB, 'urn:xmpp:microblog:0', '', 6),
  ],
};

export const v2ItemReadState: MigrationCase = {
  async seed(db: Dexie) {
    for (const [table, rows] of Object.entries(v1Rows)) await db.table(table).bulkAdd(rows);
  },

  async verify(db: Dexie) {
    const dump = await dumpTables(db);
    const { items, ...others } = dump;
    // Everything but items untouched.
    for (const [table, rows] of Object.entries(others)) {
      expect(rows, table).toEqual(
        expect.arrayContaining(v1Rows[table as keyof typeof v1Rows] as unknown[]),
      );
      expect(rows, table).toHaveLength(v1Rows[table as keyof typeof v1Rows].length);
    }
    // Every item intact, now unread.
    const expected = v1Rows.items.map((row) => ({ ...row, read: 0 }));
    expect(items).toHaveLength(expected.length);
    expect(items).toEqual(expect.arrayContaining(expected));
    // The new index answers.
    const unread = db.table('items').where('[account+service+node+read]');
    expect(await unread.equals([ALICE, PUBSUB, 'news', 0]).count()).toBe(3);
    expect(await unread.equals([ALICE, PUBSUB, ODD_NODE, 0]).count()).toBe(1);
    expect(await unread.equals([BOB, BOB, 'urn:xmpp:microblog:0', 0]).count()).toBe(2);
    expect(await unread.equals([ALICE, PUBSUB, 'news', 1]).count()).toBe(0);
  },
};
