/**
 * searchItems on 5,000 items reads keys in bulk and rows for few items: the page, the
 * candidates of a rare word, or the rows a walk must check. A DBCore middleware counts every
 * row IndexedDB hands to Dexie (dbCoreSpies.ts); no value cursor is ever opened.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { CANDIDATE_LIMIT } from '../../../src/db/search/searchCandidates';
import { searchItems } from '../../../src/db/search/searchItems';
import type { SearchPage, SearchQuery } from '../../../src/shared/searchQuery';
import { countItemReads, instrument } from './dbCoreSpies';
import { countDocReads } from './searchSpies';
import { ALICE, PUBSUB, isolatedDb, nodeRecord } from './fixtures';
import { post } from './searchFixtures';

const SIZE = 5_000;
const SMALL_FROM = 4_500; // items 4,500 and up are in node 'small', the others in 'big'
let db: SatchelDb;
const { counts, middleware } = countItemReads();
const docReads = countDocReads();

function words(k: number): string {
  const w = ['common', `w${k % 37}`];
  if (k % 2 === 0) w.push('half');
  if (k % 10 === 0) w.push('tenth');
  if (k % 100 === 0) w.push('rare');
  return w.join(' ');
}

beforeAll(async () => {
  db = await openSatchelDb(isolatedDb());
  const items = createItemStore({ db });
  const make = (k: number) =>
    post(`item-${k}`, {
      title: `Post ${k}`,
      body: words(k),
      tags: [k % 100 === 0 ? 'rare-tag' : 'common-tag'],
      created: k * 1000,
    });
  const big = Array.from({ length: SMALL_FROM }, (_, k) => make(k));
  const small = Array.from({ length: SIZE - SMALL_FROM }, (_, k) => make(SMALL_FROM + k));
  await createNodeStore({ db }).put(nodeRecord({ node: 'big' }));
  await createNodeStore({ db }).put(nodeRecord({ node: 'small' }));
  await items.upsertItems(ALICE, PUBSUB, 'big', big);
  await items.upsertItems(ALICE, PUBSUB, 'small', small);
  await instrument(db, middleware);
  await instrument(db, docReads.middleware);
}, 120_000);
afterAll(() => db.close());

const base: SearchQuery = {
  account: ALICE,
  orderBy: 'relevance',
  direction: 'desc',
  offset: 0,
  max: 20,
};

/** Item rows read (`rows`), search docs read (`docs`) and doc keys read (`keys`). */
async function reads(
  q: Partial<SearchQuery>,
): Promise<{ page: SearchPage; rows: number; docs: number; keys: number }> {
  counts.rows = 0;
  counts.valueCursors = 0;
  Object.assign(docReads.counts, { docs: 0, keys: 0, valueCursors: 0 });
  const page = await searchItems(db, { ...base, ...q });
  expect(counts.valueCursors + docReads.counts.valueCursors).toBe(0);
  // Item rows are read for the page only: every check runs on the smaller search docs.
  expect(counts.rows).toBe(page.items.length);
  return { page, rows: counts.rows, docs: docReads.counts.docs, keys: docReads.counts.keys };
}

test('a word in every item: a walk that reads the page rows only, the total a lower bound', async () => {
  const { page, rows, docs, keys } = await reads({ text: 'common' });
  expect(page.plan).toBe('walk');
  expect(page.items).toHaveLength(20);
  expect(page.items[0]?.itemId).toBe('item-4999'); // newest first among equal fields
  expect(page).toMatchObject({ totalExact: false, hasMore: true });
  expect(page.total).toBeGreaterThan(20);
  expect(rows).toBe(20);
  expect(docs).toBe(0);
  expect(keys).toBeLessThan(400);
});

test('a deep page continues the walk from the last item read, not from the start', async () => {
  const { page, docs, keys } = await reads({ text: 'common', offset: 2_000 });
  // Items with a rare tag have 'common' in their body only: they rank after the others.
  expect(page.items.map((i) => i.itemId)[0]).toBe('item-2979');
  expect(docs).toBeLessThan(8); // one doc per chunk, to continue after it
  expect(keys).toBeLessThan(2_000 + 2 * 2_048);
});

test('a rare word: the page from its index, the total exact from the first chunk of keys', async () => {
  const { page, docs } = await reads({ text: 'rare' });
  expect(page).toMatchObject({ plan: 'walk', total: 50, totalExact: true, hasMore: true });
  expect(docs).toBe(0);
});

test('a rare word that rows must confirm: its items are the candidates, checked and scored', async () => {
  const { page, docs } = await reads({ text: 'rare -nothing' });
  expect(page).toMatchObject({ plan: 'candidates', total: 50, totalExact: true, hasMore: true });
  expect(docs).toBe(50);
  expect(docs).toBeLessThanOrEqual(CANDIDATE_LIMIT);
});

test('a walk to the end of its index gives an exact total', async () => {
  const { page } = await reads({ text: 'tenth', offset: 490 });
  expect(page).toMatchObject({ plan: 'walk', total: 500, totalExact: true, hasMore: false });
  expect(page.items).toHaveLength(10);
});

test('two broad words: the walk checks rows until the page is full', async () => {
  const { page, docs } = await reads({ text: 'half tenth' });
  expect(page.items).toHaveLength(20);
  expect(page.items.every((i) => Number(i.itemId.slice(5)) % 10 === 0)).toBe(true);
  expect(docs).toBeLessThan(300); // about one in five checked docs matches
});

test('a common word and a shorter, rarer one: the walk follows the rarer', async () => {
  // 'tenth' (500 items) is past the candidates limit but lists fewer docs than 'common' (all):
  // following it, nearly every doc read is a match; following 'common', one in ten.
  const { page, docs, keys } = await reads({ text: 'common tenth' });
  expect(page.plan).toBe('walk');
  expect(page.items).toHaveLength(20);
  expect(page.items.every((i) => Number(i.itemId.slice(5)) % 10 === 0)).toBe(true);
  expect(docs).toBeLessThan(40);
  // Chosen from a sample of each word's docs (bestWalkTerm.ts), not by counting both words'
  // entries (over 1,000 keys here).
  expect(keys).toBeLessThan(600);
});

test('two words whose samples never meet: the rarer by count is followed, to the end', async () => {
  // "w1" and "w2" (exact: about 120 items each) are never on the same item.
  const { page, docs } = await reads({ text: '"w1" "w2"' });
  expect(page).toMatchObject({ plan: 'walk', total: 0, totalExact: true });
  expect(page.items).toHaveLength(0);
  expect(docs).toBeLessThan(200);
  // In a small node, the count's keys in that node are the candidates: no walk re-reads them.
  const small = await reads({ text: '"w1" "w2"', nodes: [{ service: PUBSUB, node: 'small' }] });
  expect(small.page).toMatchObject({ plan: 'candidates', total: 0, totalExact: true });
  expect(small.docs).toBeLessThan(40);
});

test('a small node is its own candidate list; a big one filters the walk by key', async () => {
  const small = await reads({ text: 'rare', nodes: [{ service: PUBSUB, node: 'small' }] });
  expect(small.page.items.map((i) => i.itemId)).toEqual([
    'item-4900',
    'item-4800',
    'item-4700',
    'item-4600',
    'item-4500',
  ]);
  const big = await reads({ text: 'common', nodes: [{ service: PUBSUB, node: 'big' }] });
  expect(big.page.items[0]?.itemId).toBe('item-4499');
  // The newest 500 are the small node's: a few chunks pass before the big node's items come.
  expect(big.docs).toBeLessThanOrEqual(3);
});

test('filters only: newest first from the time index; a rare field value from its index', async () => {
  const newest = await reads({ orderBy: 'created' });
  expect(newest.page.items[0]?.itemId).toBe('item-4999');
  expect(newest.docs).toBe(0);
  const rare = await reads({
    orderBy: 'created',
    conditions: [{ field: 'category', op: '==', value: 'rare-tag' }],
  });
  expect(rare.page).toMatchObject({ plan: 'candidates', total: 50 });
  const common = await reads({
    orderBy: 'created',
    conditions: [{ field: 'category', op: '==', value: 'common-tag' }],
    nodes: [{ service: PUBSUB, node: 'big' }],
  });
  expect(common.page.items[0]?.itemId).toBe('item-4499');
  expect(common.docs).toBe(0);
});
