/** Schema v6: a sync's words wait in a queue; the word indexer moves them into the index. */
import { beforeEach, expect, test } from 'vitest';
import { createMaintenanceStore } from '../../../src/db/createMaintenanceStore';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import type { SearchQuery } from '../../../src/shared/searchQuery';
import { ALICE, BOB, PUBSUB, isolatedDb, nodeRecord } from './fixtures';
import { post } from './searchFixtures';

let db: SatchelDb;
let items: ItemStore;
let maintenance: ReturnType<typeof createMaintenanceStore>;
const queued = { queueWords: true };

const search = async (text: string | undefined, account = ALICE) => {
  const query: SearchQuery = {
    account,
    ...(text !== undefined && { text }),
    orderBy: text === undefined ? 'created' : 'relevance',
    direction: 'desc',
    offset: 0,
    max: 20,
  };
  return (await maintenance.search(query)).items.map((item) => item.itemId).sort();
};

beforeEach(async () => {
  db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db });
  maintenance = createMaintenanceStore({ db, timeFieldsOf: () => undefined });
  await createNodeStore({ db }).put(nodeRecord({ node: 'a' }));
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('inline', { title: 'zephyr inline' })]);
  await items.upsertItems(
    ALICE,
    PUBSUB,
    'a',
    [
      post('q1', { title: 'zephyr one', tags: ['wind'], created: 2 }),
      post('q2', { title: 'zephyr two', tags: ['wind'], created: 3 }),
    ],
    queued,
  );
});

test('queued words are not searchable yet; everything else about the post is', async () => {
  expect(await search('zephyr')).toEqual(['inline']);
  expect(await maintenance.hasQueuedWords(ALICE)).toBe(true);
  expect(await maintenance.hasQueuedWords(BOB)).toBe(false);
  // Filters read the doc's other indexes, written at once.
  expect(await search(undefined)).toEqual(['inline', 'q1', 'q2']);
  // And the items themselves are stored and readable.
  expect((await items.getItems(ALICE, PUBSUB, 'a', ['q1', 'q2'])).length).toBe(2);
});

test('the indexer moves the words, a batch at a time, until the queue is empty', async () => {
  expect(await items.indexQueuedWords(1)).toBe(1);
  expect(await search('zephyr')).toHaveLength(2);
  expect(await items.indexQueuedWords(10)).toBe(1);
  expect(await items.indexQueuedWords(10)).toBe(0);
  expect(await search('zephyr')).toEqual(['inline', 'q1', 'q2']);
  expect(await maintenance.hasQueuedWords(ALICE)).toBe(false);
  const doc = await db.searchDocs.get([1, 'q1']);
  expect(doc).not.toHaveProperty('queued');
  expect(doc?.terms.some((t) => t.includes('\u0000zephyr\u0000'))).toBe(true);
});

test('a queued post deleted or written again leaves the queue with it', async () => {
  await items.deleteItems(ALICE, PUBSUB, 'a', ['q1']);
  // Written again outside a sync (a live event): indexed at once, no longer queued.
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('q2', { title: 'zephyr edited' })]);
  expect(await maintenance.hasQueuedWords(ALICE)).toBe(false);
  expect(await items.indexQueuedWords(10)).toBe(0);
  expect(await search('edited')).toEqual(['q2']);
});

test('a replayed batch keeps queued words queued, and indexed words indexed', async () => {
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('inline', { title: 'zephyr inline' })], queued);
  await items.upsertItems(ALICE, PUBSUB, 'a', [
    post('q1', { title: 'zephyr one', tags: ['wind'], created: 2 }),
  ]);
  expect(await search('zephyr')).toEqual(['inline']);
});
