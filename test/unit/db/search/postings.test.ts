/**
 * Schema v10's word index: the postings hold exactly the words of the docs, whatever writes or
 * deletes them, and a word range reads back in the order v4's `*terms` index listed it.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { createMaintenanceStore } from '../../../../src/db/createMaintenanceStore';
import { createItemStore, type ItemStore } from '../../../../src/db/itemStore';
import { createNodeStore } from '../../../../src/db/nodeStore';
import { openSatchelDb } from '../../../../src/db/openSatchelDb';
import type { DocKey, SatchelDb, SearchDoc } from '../../../../src/db/SatchelDb';
import { codeOf, groupOf } from '../../../../src/db/search/postingRows';
import {
  createPostingsReader,
  readPostingKeys,
  type PostingsRange,
} from '../../../../src/db/search/readPostings';
import { accountTag, termRange } from '../../../../src/search/searchTermKeys';
import { ALICE, PUBSUB, isolatedDb, nodeRecord } from '../fixtures';
import { post } from '../searchFixtures';
import { instrument } from '../dbCoreSpies';

let db: SatchelDb;

beforeEach(async () => {
  db = await openSatchelDb(isolatedDb());
});

/** Every entry of the docs' words is in the row of the doc's batch, and nothing else is. */
async function expectPostingsMatchDocs() {
  const docs = await db.searchDocs.toArray();
  const fromDocs = docs.flatMap((d) =>
    d.terms.map((t) => `${d.node}|${groupOf(t)}|${codeOf(t)}|${d.item}|${d.batch}`),
  );
  const rows = (await db.postings.toArray()).filter((row) => row.group !== '');
  const fromRows = rows.flatMap((r) =>
    r.items.map((item, i) => `${r.node}|${r.group}|${r.codes[i]}|${item}|${r.batch}`),
  );
  expect(fromRows.sort()).toEqual(fromDocs.sort());
  for (const row of rows) {
    expect(row.items.length).toBeGreaterThan(0);
    expect(row.first).toBe(row.codes[0]);
    const sorted = row.codes.map((code, i) => `${code}\u0000${row.items[i]}`);
    expect(sorted).toEqual([...sorted].sort());
  }
  return { docs, rows };
}

describe('the postings follow the docs', () => {
  let items: ItemStore;
  let maintenance: ReturnType<typeof createMaintenanceStore>;
  const at = { account: ALICE, service: PUBSUB, node: 'a' };

  beforeEach(async () => {
    items = createItemStore({ db });
    maintenance = createMaintenanceStore({ db, timeFieldsOf: () => undefined });
    for (const node of ['a', 'b']) await createNodeStore({ db }).put(nodeRecord({ node }));
  });

  test('through writes, rewrites, the word queue, pins and every kind of deletion', async () => {
    const posts = Array.from({ length: 30 }, (_, i) =>
      post(`p${i}`, { title: `zephyr ${i % 3 ? 'wind' : 'rain'}`, body: 'offline', created: i }),
    );
    await items.upsertItems(ALICE, PUBSUB, 'a', posts.slice(0, 20));
    await items.upsertItems(ALICE, PUBSUB, 'b', posts.slice(0, 5));
    let state = await expectPostingsMatchDocs();
    // A batch of 20 posts: one row per (word, fields), not one entry per post and word.
    expect(state.rows.filter((r) => r.node === state.docs[0]?.node).length).toBeLessThan(10);

    await items.upsertItems(ALICE, PUBSUB, 'a', posts.slice(20), { queueWords: true });
    await expectPostingsMatchDocs();
    expect(await items.indexQueuedWords(4)).toBe(4);
    await expectPostingsMatchDocs();
    expect(await items.indexQueuedWords(100)).toBe(6);
    await expectPostingsMatchDocs();

    // An edit leaves its old rows; a replay and a pin change no row.
    await items.upsertItems(ALICE, PUBSUB, 'a', [post('p1', { title: 'changed', created: 1 })]);
    const before = await expectPostingsMatchDocs();
    await items.upsertItems(ALICE, PUBSUB, 'a', [post('p1', { title: 'changed', created: 1 })]);
    await maintenance.setPinned(at, ['p1', 'p2'], true);
    state = await expectPostingsMatchDocs();
    expect(state.rows).toEqual(before.rows);
    // Written again by a sync: its words wait in the queue, none are left in the postings.
    await items.upsertItems(ALICE, PUBSUB, 'a', [post('p2', { title: 'requeued', created: 2 })], {
      queueWords: true,
    });
    await expectPostingsMatchDocs();

    await items.deleteItems(ALICE, PUBSUB, 'a', ['p3', 'p4', 'unknown']);
    await expectPostingsMatchDocs();
    await maintenance.purgeOlderThan(ALICE, { scope: 'node', service: PUBSUB, node: 'a' }, 10);
    await expectPostingsMatchDocs();
    await items.purgeNode(ALICE, PUBSUB, 'b');
    state = await expectPostingsMatchDocs();
    expect(state.rows.length).toBeGreaterThan(0);
    await maintenance.clearAccount(ALICE);
    state = await expectPostingsMatchDocs();
    expect(state.rows).toEqual([]);
  });
});

test('the word indexer reads each doc it rewrites once, not again for its postings', async () => {
  const items = createItemStore({ db });
  await createNodeStore({ db }).put(nodeRecord({ node: 'a' }));
  const posts = Array.from({ length: 40 }, (_, i) => post(`p${i}`, { title: `zephyr ${i}` }));
  await items.upsertItems(ALICE, PUBSUB, 'a', posts, { queueWords: true });
  // Below the postings middleware (level -0.5): what reaches IndexedDB.
  let docsRead = 0;
  await instrument(db, {
    stack: 'dbcore',
    name: 'countDocsReadBelow',
    level: -0.75,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'searchDocs') return table;
        return {
          ...table,
          getMany: (req) => {
            docsRead += req.keys.length;
            return table.getMany(req);
          },
          query: (req) =>
            table.query(req).then((res) => {
              if (req.values) docsRead += res.result.length;
              return res;
            }),
        };
      },
    }),
  });
  expect(await items.indexQueuedWords(100)).toBe(40);
  expect(docsRead).toBe(40);
  await expectPostingsMatchDocs();
});

describe("a word range reads in the order of v4's word index", () => {
  const tag = accountTag(ALICE);
  const words = ['al', 'alpha', 'alps', 'beta'];

  /** Docs with random words, masks and (often equal) times, written in several batches. */
  async function seed(): Promise<SearchDoc[]> {
    let seedValue = 7;
    const random = (n: number) => {
      seedValue = (seedValue * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seedValue % n;
    };
    const all: SearchDoc[] = [];
    for (let batch = 0; batch < 12; batch += 1) {
      const docs: SearchDoc[] = [];
      for (let i = 0; i < 40; i += 1) {
        const terms = words
          .filter(() => random(3) > 0)
          .map((w) => `${tag}\u0000${w}\u0000${'uvf'.charAt(random(3))}00000000${random(4)}`);
        docs.push({
          node: 1 + random(3),
          item: `i${random(400)}`,
          account: ALICE,
          created: 0,
          updated: 0,
          pinned: 0,
          fields: [],
          terms: [...new Map(terms.map((t) => [groupOf(t).split('\u0000')[1], t])).values()],
          facets: [],
        });
      }
      await db.searchDocs.bulkPut(docs);
      all.push(...docs);
    }
    return db.searchDocs.toArray();
  }

  /** What `*terms` listed: entries in range by key, then by primary key. */
  function expected(docs: readonly SearchDoc[], [lower, upper]: [string, string]): DocKey[] {
    const entries = docs.flatMap((d) =>
      d.terms.filter((t) => t >= lower && t <= upper).map((t) => ({ t, d })),
    );
    entries.sort(
      (a, b) =>
        (a.t < b.t ? -1 : a.t > b.t ? 1 : 0) ||
        a.d.node - b.d.node ||
        (a.d.item < b.d.item ? -1 : a.d.item > b.d.item ? 1 : 0),
    );
    return entries.map(({ d }): DocKey => [d.node, d.item]);
  }

  test.each([
    ['alpha', 'exact'],
    ['al', 'exact'],
    ['al', 'prefix'],
    ['al', 'extension'],
    ['beta', 'prefix'],
    ['gamma', 'exact'],
  ] as const)('%s (%s), forward, reverse and in chunks', async (word, mode) => {
    const docs = await seed();
    await expectPostingsMatchDocs();
    const bounds = termRange(ALICE, word, mode);
    const want = expected(docs, bounds);
    const range: PostingsRange = {
      kind: 'postings',
      lower: bounds[0],
      upper: bounds[1],
      reverse: false,
    };
    expect(await readPostingKeys(db, range)).toEqual(want);
    expect(await readPostingKeys(db, { ...range, reverse: true })).toEqual([...want].reverse());
    expect(await readPostingKeys(db, range, 5)).toEqual(want.slice(0, 5));
    for (const size of [1, 7, 50]) {
      const reader = createPostingsReader(db, range);
      const read: DocKey[] = [];
      for (let chunk = await reader.next(size); chunk.length > 0; chunk = await reader.next(size)) {
        expect(chunk.length).toBeGreaterThanOrEqual(Math.min(size, want.length - read.length));
        read.push(...chunk);
      }
      expect(read).toEqual(want);
    }
  });
});
