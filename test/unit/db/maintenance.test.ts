/** Cache management in the database: retention, pins, purges, clearing, sizes, exact counts. */
import { beforeEach, describe, expect, test } from 'vitest';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import {
  createMaintenanceStore,
  type MaintenanceStore,
} from '../../../src/db/createMaintenanceStore';
import { createNodeStore, type NodeStore } from '../../../src/db/nodeStore';
import { EXACT_SIZE_LIMIT } from '../../../src/db/nodeStats';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { searchItems } from '../../../src/db/search/searchItems';
import { ALICE, BOB, PUBSUB, isolatedDb, nodeRecord } from './fixtures';
import { post } from './searchFixtures';

const DAY = 86_400_000;
const NOW = 1_000 * DAY;
let db: SatchelDb;
let items: ItemStore;
let nodes: NodeStore;
let store: MaintenanceStore;
const at = (node: string) => ({ account: ALICE, service: PUBSUB, node });
const ids = async (node: string, account = ALICE) =>
  (await items.listItemIds(account, PUBSUB, node)).sort();
const posts = (prefix: string, count: number, firstDay = 1) =>
  Array.from({ length: count }, (_, k) =>
    post(`${prefix}${k}`, { title: `${prefix} ${k}`, created: (firstDay + k) * DAY }),
  );

beforeEach(async () => {
  db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db, now: () => NOW });
  nodes = createNodeStore({ db });
  store = createMaintenanceStore({ db, now: () => NOW });
  await nodes.put(nodeRecord({ node: 'a', type: 'blog' }));
  await nodes.put(nodeRecord({ node: 'b', type: 'news' }));
  await nodes.put(nodeRecord({ account: BOB, node: 'a', type: 'blog' }));
});

describe('retention', () => {
  test('maxItems keeps the newest unpinned items; pinned ones stay and do not count', async () => {
    await items.upsertItems(ALICE, PUBSUB, 'a', posts('p', 6));
    await store.setPinned(at('a'), ['p0'], true);
    expect(await store.setRetention(at('a'), { maxItems: 3 })).toEqual(['p1', 'p2']);
    expect(await ids('a')).toEqual(['p0', 'p3', 'p4', 'p5']);
    // Applied whenever items are stored, in the same transaction.
    const result = await items.upsertItems(ALICE, PUBSUB, 'a', [
      post('old', { created: 0 }),
      post('new', { created: 100 * DAY }),
    ]);
    expect(result).toEqual({ added: ['new'], changed: [], evicted: ['old', 'p3'] });
    expect(await ids('a')).toEqual(['new', 'p0', 'p4', 'p5']);
  });

  test('maxAgeDays drops what was created longer ago; removing the policy stops it', async () => {
    await items.upsertItems(ALICE, PUBSUB, 'a', posts('p', 3, 990)); // days 990, 991, 992
    await store.setPinned(at('a'), ['p0'], true);
    expect(await store.setRetention(at('a'), { maxAgeDays: 8 })).toEqual(['p1']);
    expect(await store.setRetention(at('a'), undefined)).toEqual([]);
    await items.upsertItems(ALICE, PUBSUB, 'a', [post('ancient', { created: 1 })]);
    expect(await ids('a')).toEqual(['ancient', 'p0', 'p2']);
    expect((await nodes.get(at('a')))?.retention).toBeUndefined();
    expect(await store.setRetention(at('missing'), { maxItems: 1 })).toBeUndefined();
  });
});

describe('purges and clearing', () => {
  beforeEach(async () => {
    await items.upsertItems(ALICE, PUBSUB, 'a', posts('a', 4));
    await items.upsertItems(ALICE, PUBSUB, 'b', posts('b', 4));
    await items.upsertItems(BOB, PUBSUB, 'a', posts('x', 4));
    await store.setPinned(at('a'), ['a0'], true);
  });

  test('older than a date, per node, per type or all, never pinned ones nor other accounts', async () => {
    expect(
      await store.purgeOlderThan(ALICE, { scope: 'node', service: PUBSUB, node: 'b' }, 3 * DAY),
    ).toEqual([{ ...at('b'), itemIds: ['b0', 'b1'] }]);
    expect(await store.purgeOlderThan(ALICE, { scope: 'type', type: 'blog' }, 3 * DAY)).toEqual([
      { ...at('a'), itemIds: ['a1'] },
    ]);
    const all = await store.purgeOlderThan(ALICE, { scope: 'all' }, 5 * DAY);
    expect(all).toEqual(
      expect.arrayContaining([
        { ...at('a'), itemIds: ['a2', 'a3'] },
        { ...at('b'), itemIds: ['b2', 'b3'] },
      ]),
    );
    expect(await ids('a')).toEqual(['a0']);
    expect(await ids('b')).toEqual([]);
    expect(await ids('a', BOB)).toHaveLength(4);
  });

  test('clearing an account removes its nodes and items only', async () => {
    expect(await store.clearAccount(ALICE)).toEqual([at('a'), at('b')]);
    expect(await nodes.listByAccount(ALICE)).toEqual([]);
    expect(await ids('a')).toEqual([]);
    expect(await ids('a', BOB)).toHaveLength(4);
    expect(await nodes.listByAccount(BOB)).toHaveLength(1);
  });
});

describe('figures', () => {
  test('counts, pins and size: exact for a small node, sampled for a large one', async () => {
    await items.upsertItems(ALICE, PUBSUB, 'a', posts('p', 5));
    await store.setPinned(at('a'), ['p1', 'p2'], true);
    const small = await store.nodeStats(at('a'));
    const rows = await items.getItems(ALICE, PUBSUB, 'a', ['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(small).toEqual({
      itemCount: 5,
      pinnedCount: 2,
      bytes: rows.reduce((s, r) => s + r.size, 0),
      bytesExact: true,
    });
    await items.upsertItems(ALICE, PUBSUB, 'b', posts('q', EXACT_SIZE_LIMIT * 3));
    const large = await store.nodeStats(at('b'));
    expect(large).toMatchObject({
      itemCount: EXACT_SIZE_LIMIT * 3,
      pinnedCount: 0,
      bytesExact: false,
    });
    expect(large.bytes).toBeGreaterThan(0);
  });

  test('count gives the exact total a walk only bounds', async () => {
    await items.upsertItems(ALICE, PUBSUB, 'a', posts('p', 700));
    await items.upsertItems(ALICE, PUBSUB, 'b', posts('q', 10));
    const q = {
      account: ALICE,
      text: 'p',
      orderBy: 'relevance' as const,
      direction: 'desc' as const,
      offset: 0,
      max: 10,
    };
    const page = await searchItems(db, q);
    expect(page.totalExact).toBe(false);
    expect(await store.count(q)).toBe(700);
    expect(await store.count({ ...q, text: 'p -zzz title:p' })).toBe(700);
    expect(await store.count({ ...q, text: 'q', nodes: [{ service: PUBSUB, node: 'b' }] })).toBe(
      10,
    );
    expect(await store.count({ ...q, text: 'q', nodes: [{ service: PUBSUB, node: 'a' }] })).toBe(0);
  });
});
