/** Search docs follow their items: written with them, deleted with them by every path. */
import { beforeEach, expect, test } from 'vitest';
import { createMaintenanceStore } from '../../../src/db/createMaintenanceStore';
import { createItemStore, type ItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { ALICE, BOB, PUBSUB, isolatedDb, nodeRecord } from './fixtures';
import { post } from './searchFixtures';

let db: SatchelDb;
let items: ItemStore;
const docIds = async () =>
  (await db.searchDocs.toArray()).map((d) => `${d.account}/${d.item}`).sort();

beforeEach(async () => {
  db = await openSatchelDb(isolatedDb());
  items = createItemStore({ db });
  await createNodeStore({ db }).put(nodeRecord({ node: 'a' }));
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('a1'), post('a2'), post('a3')]);
  await items.upsertItems(ALICE, PUBSUB, 'b', [post('b1'), post('b2')]);
  await items.upsertItems(BOB, PUBSUB, 'a', [post('x1')]);
});

test('every stored item has one doc; nodes get numbers once', async () => {
  expect(await docIds()).toEqual([
    'alice@example.org/a1',
    'alice@example.org/a2',
    'alice@example.org/a3',
    'alice@example.org/b1',
    'alice@example.org/b2',
    'bob@example.net/x1',
  ]);
  expect((await db.searchNodes.toArray()).map((n) => n.num).sort()).toEqual([1, 2, 3]);
});

test('a replayed item rewrites no doc; a changed one rewrites its own', async () => {
  const before = await db.searchDocs.get([1, 'a1']);
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('a1')]);
  expect(await db.searchDocs.get([1, 'a1'])).toEqual(before);
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('a1', { title: 'Changed words' })]);
  expect(
    (await db.searchDocs.get([1, 'a1']))?.terms.some((t) => t.includes('\u0000changed\u0000')),
  ).toBe(true);
});

test('deleting items deletes their docs, by every path', async () => {
  await items.deleteItems(ALICE, PUBSUB, 'a', ['a1']);
  expect(await docIds()).not.toContain('alice@example.org/a1');
  await items.purgeNode(ALICE, PUBSUB, 'b');
  expect(await docIds()).toEqual([
    'alice@example.org/a2',
    'alice@example.org/a3',
    'bob@example.net/x1',
  ]);
  await createNodeStore({ db }).delete({ account: ALICE, service: PUBSUB, node: 'a' });
  expect(await docIds()).toEqual(['bob@example.net/x1']);
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('a9')]);
  await createMaintenanceStore({ db }).clearAccount(ALICE);
  expect(await docIds()).toEqual(['bob@example.net/x1']);
  await db.items
    .where('[account+service+node+itemId]')
    .between([BOB, PUBSUB, 'a', 'x'], [BOB, PUBSUB, 'a', 'y'])
    .delete();
  expect(await docIds()).toEqual([]);
  await items.upsertItems(ALICE, PUBSUB, 'a', [post('a1')]);
  await db.items.clear();
  expect(await db.searchDocs.count()).toBe(0);
});

test('read state changes no doc; pins change the doc too', async () => {
  const before = await db.searchDocs.get([1, 'a2']);
  await items.setRead(ALICE, PUBSUB, 'a', ['a2'], true);
  await items.markNodeRead(ALICE, PUBSUB, 'a');
  expect(await db.searchDocs.get([1, 'a2'])).toEqual(before);
  await createMaintenanceStore({ db }).setPinned(
    { account: ALICE, service: PUBSUB, node: 'a' },
    ['a2'],
    true,
  );
  expect(await db.searchDocs.get([1, 'a2'])).toMatchObject({ pinned: 1 });
  expect(await items.getItem(ALICE, PUBSUB, 'a', 'a2')).toMatchObject({ pinned: 1 });
});
