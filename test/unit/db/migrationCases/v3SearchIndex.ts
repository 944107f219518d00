/** Migration to v3 (searchIndex): every item cached at v2 is indexed for search and unpinned. */
import type { Dexie } from 'dexie';
import { expect } from 'vitest';
import { termRange } from '../../../../src/search/searchTermKeys';
import { dumpTables, type MigrationCase } from './MigrationCase';

const ALICE = 'alice@example.org';
const BOB = 'bob@example.net';
const PUBSUB = 'pubsub.example.org';
const BLOG = 'urn:xmpp:microblog:0';
const ODD_NODE = 'recettes/crème-brûlée/日本';

/** A v2 item row, written out as version 2 stored it (fieldKeys derived, read 0/1). */
function v2Item(
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
    read: 0,
    fieldKeys: fields.map(([field, value]) => [account, service, node, field, value]),
    ...extra,
  };
}

/** A parsed XEP-0277 entry as the v2 microblog parser stored it (the fields search reads). */
const entry = (title: string, content: string, tags: string[]) => ({
  kind: 'entry',
  title: { type: 'text', value: title, text: title },
  titles: [],
  summaries: [],
  content: { type: 'html', value: content, untrustedMarkup: true },
  contents: [],
  authors: [{ name: 'Juliet Capulet', jid: 'juliet@capulet.example' }],
  contributors: [],
  categories: tags.map((term) => ({ term })),
  links: [],
  comments: [],
  enclosures: [],
  inReplyTo: [],
  extensions: [],
});

const items = [
  v2Item(
    ALICE,
    ALICE,
    BLOG,
    'post-1',
    1,
    {
      parsed: entry('Crème brûlée', '<p>Caramelised <em>sugar</em> on top</p>', ['cooking']),
      publisher: ALICE,
      read: 1,
    },
    [
      ['category', 'cooking'],
      ['published', 1000],
    ],
  ),
  // No parser: found by the character data of its raw XML.
  v2Item(ALICE, PUBSUB, 'tunes', 'no-parser', 2, {
    xml: '<item id="no-parser"><tune xmlns="http://jabber.org/protocol/tune"><artist>Yes</artist><title>Heart of the Sunrise</title></tune></item>',
  }),
  // The parser failed: parsed is absent, the XML is all there is.
  v2Item(ALICE, ALICE, BLOG, 'broken', 3, {
    xml: '<item id="broken"><entry xmlns="http://www.w3.org/2005/Atom"><content>Lost &amp; found</content></entry></item>',
    parseError: 'missing <title/>',
  }),
  v2Item(ALICE, PUBSUB, ODD_NODE, 'ïtem-✓-𝄞', 4, { parsed: { body: '离线阅读 héllo' } }, [
    ['lang', 'fr'],
  ]),
  v2Item(BOB, BOB, BLOG, 'n1', 5, {
    parsed: entry('Bob writes', 'Also about crème', []),
    publisher: BOB,
  }),
  v2Item(BOB, BOB, BLOG, '', 6, { parsed: null }),
];

const rows = {
  settings: [{ key: 'itemSeq', value: 6 }],
  nodes: [
    {
      account: ALICE,
      service: ALICE,
      node: BLOG,
      syncState: 'completed',
      syncStateAt: 5,
      subscription: 'subscribed',
      followed: 1,
    },
  ],
  items,
};

async function itemIdsWith(db: Dexie, account: string, word: string, mode: 'exact' | 'prefix') {
  const [lower, upper] = termRange(account, word, mode);
  const keys = await db
    .table('items')
    .where('searchTerms')
    .between(lower, upper, true, true)
    .primaryKeys();
  return (keys as string[][]).map((key) => key[3]).sort();
}

export const v3SearchIndex: MigrationCase = {
  async seed(db: Dexie) {
    for (const [table, list] of Object.entries(rows)) await db.table(table).bulkAdd(list);
  },

  async verify(db: Dexie) {
    const dump = await dumpTables(db);
    expect(dump.settings).toEqual(rows.settings);
    expect(dump.nodes).toEqual(rows.nodes);
    // Every item intact, unpinned, with its search entries.
    expect(dump.items).toHaveLength(items.length);
    for (const row of items) {
      expect(dump.items).toContainEqual({
        ...row,
        pinned: 0,
        searchTerms: expect.any(Array) as unknown,
        facetKeys: row.fields.map(([field, value]) => [
          row.account,
          row.service,
          row.node,
          field,
          value,
          row.created,
        ]),
      });
    }
    // The new indexes answer: words folded, prefixes, raw XML, CJK pairs, per account.
    expect(await itemIdsWith(db, ALICE, 'creme', 'exact')).toEqual(['post-1']);
    expect(await itemIdsWith(db, BOB, 'creme', 'exact')).toEqual(['n1']);
    expect(await itemIdsWith(db, ALICE, 'carameli', 'prefix')).toEqual(['post-1']);
    expect(await itemIdsWith(db, ALICE, 'sunrise', 'exact')).toEqual(['no-parser']);
    expect(await itemIdsWith(db, ALICE, 'found', 'exact')).toEqual(['broken']);
    expect(await itemIdsWith(db, ALICE, '离线', 'exact')).toEqual(['ïtem-✓-𝄞']);
    expect(await itemIdsWith(db, ALICE, 'hello', 'exact')).toEqual(['ïtem-✓-𝄞']);
    expect(await itemIdsWith(db, ALICE, 'cooking', 'exact')).toEqual(['post-1']);
    const table = db.table('items');
    expect(
      await table
        .where('facetKeys')
        .equals([ALICE, ALICE, BLOG, 'category', 'cooking', 1000])
        .count(),
    ).toBe(1);
    expect(
      await table
        .where('[account+created]')
        .between([ALICE, 2000], [ALICE, 4000], true, true)
        .count(),
    ).toBe(3);
    expect(await table.where('[account+updated]').between([BOB, 0], [BOB, Infinity]).count()).toBe(
      2,
    );
    expect(
      await table
        .where('[account+pinned+service+node]')
        .between([ALICE, 0, '', ''], [ALICE, 0, '\uffff', '\uffff'])
        .count(),
    ).toBe(4);
  },
};
