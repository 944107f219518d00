/** searchItems: matching, ranking, filters, orders and paging, on both plans. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { searchItems } from '../../../src/db/search/searchItems';
import type { SearchQuery } from '../../../src/shared/searchQuery';
import { ALICE, BLOG, BOB, PUBSUB, isolatedDb, nodeRecord } from './fixtures';
import { post, rawItem } from './searchFixtures';

let db: SatchelDb;
let items: ItemStore;
const NEWS = 'news';
const DAY = 86_400_000;

beforeAll(async () => {
  db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db, now: () => 100 * DAY });
  const nodes = createNodeStore({ db });
  await nodes.put(nodeRecord({ node: BLOG, service: ALICE, type: 'blog' }));
  await nodes.put(nodeRecord({ node: NEWS, type: 'news' }));
  await nodes.put(nodeRecord({ node: 'tunes' }));
  await items.upsertItems(ALICE, ALICE, BLOG, [
    post('p1', {
      title: 'Crème brûlée at home',
      body: 'Caramelised sugar, then the spoon.',
      tags: ['cooking'],
      created: 1 * DAY,
      author: 'Juliet',
      publisher: ALICE,
    }),
    post('p2', {
      title: 'Sourdough',
      body: 'A creme fraiche topping and a long proof.',
      tags: ['cooking', 'bread'],
      created: 2 * DAY,
      publisher: ALICE,
    }),
    post('p3', {
      title: 'Night photographs',
      body: 'Long exposures at the harbour; no crème here.',
      tags: ['photography'],
      created: 3 * DAY,
      updated: 9 * DAY,
    }),
    post('p4', {
      title: '离线阅读',
      body: '在没有网络的地铁里，我仍然可以读完昨天的文章。',
      tags: ['reading'],
      created: 4 * DAY,
    }),
    post('p5', {
      title: 'Syncing',
      body: 'The synchronisation finished; sync is done.',
      tags: ['xmpp'],
      created: 5 * DAY,
      author: 'Crème Team',
    }),
  ]);
  await items.upsertItems(ALICE, PUBSUB, NEWS, [
    post('n1', {
      title: 'Release notes',
      body: 'Faster sync and fewer crèmes.',
      tags: ['release'],
      created: 6 * DAY,
      fields: [['rating', 4]],
    }),
    post('n2', {
      title: 'Offline reading explained',
      body: 'Everything cached 👍🏽',
      tags: ['xmpp', 'release'],
      created: 7 * DAY,
      fields: [['rating', 2]],
    }),
  ]);
  await items.upsertItems(ALICE, PUBSUB, 'tunes', [
    rawItem(
      't1',
      '<tune xmlns="http://jabber.org/protocol/tune"><artist>Yes</artist><title>Heart of the Sunrise</title></tune>',
      8 * DAY,
    ),
    {
      ...rawItem(
        'bad',
        '<entry xmlns="http://www.w3.org/2005/Atom"><content>Lost &amp; found crème</content></entry>',
        8 * DAY + 1,
      ),
      parseError: 'missing <title/>',
    },
  ]);
  // Another account's items never show.
  await items.upsertItems(BOB, BOB, BLOG, [
    post('b1', { title: 'Crème for Bob', created: 10 * DAY }),
  ]);
});
afterAll(() => db.close());

const base: SearchQuery = {
  account: ALICE,
  orderBy: 'relevance',
  direction: 'desc',
  offset: 0,
  max: 20,
};
const search = (q: Partial<SearchQuery>) => searchItems(db, { ...base, ...q });
const ids = async (q: Partial<SearchQuery>) => (await search(q)).items.map((i) => i.itemId);

describe('matching', () => {
  test('folds case and accents, both ways', async () => {
    const folded = await ids({ text: 'creme' });
    expect(new Set(folded)).toEqual(new Set(['p1', 'p2', 'p3', 'p5', 'n1', 'bad']));
    expect(await ids({ text: 'CRÈME' })).toEqual(folded);
  });

  test('prefix matching, exact words with quotes', async () => {
    expect(new Set(await ids({ text: 'sync' }))).toEqual(new Set(['p5', 'n1']));
    expect(await ids({ text: '"sync"' })).toEqual(expect.arrayContaining(['p5', 'n1']));
    expect(await ids({ text: '"synchro"' })).toEqual([]);
    expect(await ids({ text: 'synchro' })).toEqual(['p5']);
  });

  test('every word must match; -word excludes; field:word restricts', async () => {
    expect(await ids({ text: 'creme long' })).toEqual(expect.arrayContaining(['p2', 'p3']));
    expect(await ids({ text: 'creme long' })).toHaveLength(2);
    expect(await ids({ text: 'creme -harbour -sync' })).toEqual(
      expect.arrayContaining(['p1', 'p2', 'bad']),
    );
    expect(await ids({ text: 'creme -harbour -sync' })).toHaveLength(3);
    expect(await ids({ text: 'title:creme' })).toEqual(['p1']);
    expect(await ids({ text: 'author:creme' })).toEqual(['p5']);
    expect(await ids({ text: 'tag:cooking' })).toEqual(expect.arrayContaining(['p1', 'p2']));
    expect(await ids({ text: 'content:caramelised' })).toEqual(['p1']);
    expect(await ids({ text: 'title:caramelised' })).toEqual([]);
  });

  test('items without parsed data are found by their XML text', async () => {
    expect(await ids({ text: 'sunrise' })).toEqual(['t1']);
    expect(await ids({ text: 'found' })).toEqual(['bad']);
  });

  test('CJK by character pairs and single characters; emoji', async () => {
    expect(await ids({ text: '离线' })).toEqual(['p4']);
    expect(await ids({ text: '地铁' })).toEqual(['p4']);
    expect(await ids({ text: '线' })).toEqual(['p4']);
    expect(await ids({ text: '铁里' })).toEqual(['p4']);
    expect(await ids({ text: '铁路' })).toEqual([]);
    expect(await ids({ text: '👍' })).toEqual(['n2']);
  });
});

describe('ranking', () => {
  test('a title match before a body match, exact before prefix; scores say so', async () => {
    const page = await search({ text: 'creme' });
    expect(page).toMatchObject({ plan: 'walk', total: 6, totalExact: true });
    expect(page.items.map((i) => i.itemId)).toEqual(['p1', 'p5', 'bad', 'p3', 'p2', 'n1']);
    // Checked on rows, the exact order of the candidates plan is the same here.
    const checked = await search({ text: 'creme -zzz' });
    expect(checked.plan).toBe('candidates');
    expect(checked.items.map((i) => i.itemId)).toEqual(['p1', 'p5', 'bad', 'p3', 'p2', 'n1']);
    const scores = page.items.map((i) => i.score ?? 0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // A walk lists the exact word first (newest first within a field), then longer words;
    // scoring every candidate lets a title's longer word (Syncing) beat a body's exact one.
    expect(await ids({ text: 'sync' })).toEqual(['n1', 'p5']);
    expect(await ids({ text: 'sync -zzz' })).toEqual(['p5', 'n1']);
  });
});

describe('filters', () => {
  test('node, service, type', async () => {
    expect(await ids({ text: 'creme', nodes: [{ service: PUBSUB, node: NEWS }] })).toEqual(['n1']);
    expect(new Set(await ids({ text: 'creme', services: [PUBSUB] }))).toEqual(
      new Set(['n1', 'bad']),
    );
    expect(new Set(await ids({ text: 'creme', types: ['blog'] }))).toEqual(
      new Set(['p1', 'p2', 'p3', 'p5']),
    );
    expect(await ids({ text: 'creme', types: ['nothing'] })).toEqual([]);
  });

  test('publisher, created and updated ranges, pinned', async () => {
    expect(new Set(await ids({ publisher: ALICE }))).toEqual(new Set(['p1', 'p2']));
    expect(await ids({ orderBy: 'created', created: { from: 2 * DAY, to: 4 * DAY } })).toEqual([
      'p4',
      'p3',
      'p2',
    ]);
    expect(await ids({ updated: { from: 9 * DAY } })).toEqual(['p3']);
    expect(await ids({ pinned: true })).toEqual([]);
  });

  test('parsed-field conditions, contains included', async () => {
    const field = (conditions: SearchQuery['conditions']) =>
      ids({ orderBy: 'created', conditions });
    expect(await field([{ field: 'category', op: '==', value: 'release' }])).toEqual(['n2', 'n1']);
    expect(await field([{ field: 'category', op: 'in', value: ['bread', 'reading'] }])).toEqual([
      'p4',
      'p2',
    ]);
    expect(await field([{ field: 'rating', op: '>', value: 3 }])).toEqual(['n1']);
    expect(await field([{ field: 'rating', op: 'between', value: [1, 4] }])).toEqual(['n2', 'n1']);
    expect(await field([{ field: 'category', op: 'contains', value: 'PHOTO' }])).toEqual(['p3']);
    expect(
      await ids({
        text: 'creme',
        orderBy: 'created',
        conditions: [{ field: 'category', op: '!=', value: 'cooking' }],
      }),
    ).toEqual(['bad', 'n1', 'p5', 'p3']);
  });
});

describe('orders and paging', () => {
  test('created and updated, both directions; a parsed field of one node', async () => {
    expect(await ids({ orderBy: 'created', nodes: [{ service: ALICE, node: BLOG }] })).toEqual([
      'p5',
      'p4',
      'p3',
      'p2',
      'p1',
    ]);
    expect(await ids({ orderBy: 'created', direction: 'asc', max: 2 })).toEqual(['p1', 'p2']);
    expect((await ids({ orderBy: 'updated' }))[0]).toBe('p3');
    expect(
      await ids({
        orderBy: 'field',
        orderField: 'rating',
        nodes: [{ service: PUBSUB, node: NEWS }],
      }),
    ).toEqual(['n1', 'n2']);
    await expect(search({ orderBy: 'field', orderField: 'rating' })).rejects.toMatchObject({
      code: 'bad-request',
    });
  });

  test('pages follow each other, with the total and whether more follow', async () => {
    const all = await ids({ orderBy: 'created', max: 100 });
    expect(all).toHaveLength(9);
    const pages: string[] = [];
    for (let offset = 0; offset < 9; offset += 4) {
      const page = await search({ orderBy: 'created', offset, max: 4 });
      expect(page.hasMore).toBe(offset + 4 < 9);
      pages.push(...page.items.map((i) => i.itemId));
    }
    expect(pages).toEqual(all);
  });

  test('malformed queries are bad-request', async () => {
    for (const q of [
      { max: 0 },
      { offset: -1 },
      { orderBy: 'nope' },
      { conditions: [{ field: 'x', op: 'contains', value: '' }] },
    ])
      await expect(search(q as Partial<SearchQuery>)).rejects.toMatchObject({
        code: 'bad-request',
      });
  });
});

describe('the index follows the items', () => {
  test('a changed item is found by its new words only; a deleted one is gone', async () => {
    await items.upsertItems(ALICE, PUBSUB, NEWS, [
      post('n3', { title: 'Quokka sighting', created: 11 * DAY }),
    ]);
    expect(await ids({ text: 'quokka' })).toEqual(['n3']);
    await items.upsertItems(ALICE, PUBSUB, NEWS, [
      post('n3', { title: 'Wombat sighting', created: 11 * DAY }),
    ]);
    expect(await ids({ text: 'quokka' })).toEqual([]);
    expect(await ids({ text: 'wombat' })).toEqual(['n3']);
    await items.deleteItems(ALICE, PUBSUB, NEWS, ['n3']);
    expect(await ids({ text: 'wombat' })).toEqual([]);
  });

  test('the same XML parsed anew (a parser came, or changed) gives the doc its new words and fields', async () => {
    const parsed = post('n4', { title: 'Platypus notes', tags: ['fauna'], created: 12 * DAY });
    const { parsed: _p, fields: _f, ...raw } = parsed; // stored first without a parser
    await items.upsertItems(ALICE, PUBSUB, NEWS, [raw]);
    const fauna = { nodes: [{ service: PUBSUB, node: NEWS }], orderBy: 'created' as const };
    const byTag = [{ field: 'category', op: '==' as const, value: 'fauna' }];
    expect(await ids({ ...fauna, conditions: byTag })).toEqual([]);
    await items.upsertItems(ALICE, PUBSUB, NEWS, [parsed]);
    expect(await ids({ ...fauna, conditions: byTag })).toEqual(['n4']);
    const page = await items.queryItems({
      account: ALICE,
      service: PUBSUB,
      node: NEWS,
      orderBy: 'created',
      direction: 'desc',
      max: 5,
      conditions: byTag,
    });
    expect(page.items.map((i) => i.itemId)).toEqual(['n4']);
    await items.deleteItems(ALICE, PUBSUB, NEWS, ['n4']);
  });
});
