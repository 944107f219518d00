/**
 * Shared set-up for the storage tests: an isolated fake IndexedDB per database, and
 * representative records, odd ones included (no parsed data, a parse error, non-ASCII ids).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { OpenSatchelDbOptions } from '../../../src/db/openSatchelDb';
import type {
  AccountRecord,
  NewItem,
  NodeRecord,
  ResumptionRecord,
} from '../../../src/shared/records';

/** Options for a database of its own: a fresh IDBFactory, so tests cannot see each other. */
export function isolatedDb(overrides: OpenSatchelDbOptions = {}): OpenSatchelDbOptions {
  return { name: 'satchel-test', indexedDB: new IDBFactory(), IDBKeyRange, ...overrides };
}

export const ALICE = 'alice@example.org';
export const BOB = 'bob@example.net';
export const PUBSUB = 'pubsub.example.org';
export const BLOG = 'urn:xmpp:microblog:0';
/** A node name outside ASCII, to prove keys survive any string. */
export const UNICODE_NODE = 'recettes/crème-brûlée/日本';

export const accounts: AccountRecord[] = [
  {
    jid: ALICE,
    websocketUrl: 'wss://example.org/xmpp-websocket',
    staySignedIn: true,
    allowPlain: false,
    scram: { salt: 'c2FsdA==', iterations: 4096, clientKey: 'Y2s=', serverKey: 'c2s=' },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
  },
  {
    jid: BOB,
    websocketUrl: 'ws://localhost:5280/xmpp-websocket',
    staySignedIn: false,
    allowPlain: true,
    createdAt: 1_700_000_200_000,
    updatedAt: 1_700_000_200_000,
  },
];

export const resumption: ResumptionRecord = {
  account: ALICE,
  smId: 'sm-42',
  inbound: 17,
  fullJid: `${ALICE}/satchel-ab12cd34`,
  maxSeconds: 600,
  savedAt: 1_700_000_300_000,
};

export function nodeRecord(overrides: Partial<NodeRecord> & { node: string }): NodeRecord {
  return {
    account: ALICE,
    service: PUBSUB,
    syncState: 'completed',
    syncStateAt: 1_700_000_000_000,
    subscription: 'subscribed',
    followed: false,
    ...overrides,
  };
}

export const nodes: NodeRecord[] = [
  nodeRecord({
    node: BLOG,
    service: ALICE,
    analyser: 'blog',
    type: 'blog',
    followed: true,
    config: {
      maxItems: 'max',
      persistItems: true,
      itemExpireSeconds: 86_400,
      raw: { 'pubsub#title': 'Blog' },
    },
    extra: { note: 'PEP node', nested: { ok: true } },
  }),
  nodeRecord({
    node: UNICODE_NODE,
    syncState: 'error',
    syncError: { code: 'timeout', message: 'slow', at: 5, attempts: 2, retryAt: 9 },
    syncCursor: { pendingIds: ['a', 'b'] },
  }),
  nodeRecord({ node: 'events', syncState: 'pending', followed: true }),
  nodeRecord({
    account: BOB,
    node: 'events',
    syncState: 'inProgress',
    syncProgress: { done: 3, total: 9 },
  }),
  nodeRecord({ account: BOB, node: '', subscription: 'none', syncState: 'noSync' }),
];

/** Items as a producer hands them over. */
export const newItems: NewItem[] = [
  {
    itemId: 'post-1',
    xml: '<item id="post-1"><entry xmlns="http://www.w3.org/2005/Atom"><title>One</title></entry></item>',
    parsed: { title: 'One', tags: ['xmpp', 'pubsub'] },
    publisher: ALICE,
    created: 1_000,
    updated: 1_500,
    fields: [
      ['tag', 'xmpp'],
      ['tag', 'pubsub'],
      ['rating', 4],
    ],
  },
  {
    itemId: 'no-parser',
    xml: '<item id="no-parser"><x xmlns="urn:example"/></item>',
    created: 2_000,
  },
  {
    itemId: 'broken',
    xml: '<item id="broken"><entry xmlns="http://www.w3.org/2005/Atom"/></item>',
    parseError: 'missing <title/>',
    publisher: BOB,
  },
  {
    itemId: 'ïtem-✓-𝄞 with spaces',
    xml: '<item id="ïtem-✓-𝄞 with spaces"><body>héllo 𝄞</body></item>',
    parsed: { body: 'héllo 𝄞' },
    created: 3_000,
    fields: [['lang', 'fr']],
  },
];

/** The first page of ALICE's pubsub node 'events', newest first. */
export const eventsQuery = {
  account: ALICE,
  service: PUBSUB,
  node: 'events',
  orderBy: 'created',
  direction: 'desc',
  max: 20,
} as const;
