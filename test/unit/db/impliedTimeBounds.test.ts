/**
 * Conditions on an analyser's time fields (impliedTimeBounds.ts): `published between a and b`
 * gives exactly the results it gives without the analyser's declaration, in order, and reads a
 * page's worth of docs instead of walking every newer post.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TimeFieldsOf } from '../../../src/db/search/impliedTimeBounds';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { SatchelDb } from '../../../src/db/SatchelDb';
import { searchItems } from '../../../src/db/search/searchItems';
import type { NewItem } from '../../../src/shared/records';
import type { SearchQuery } from '../../../src/shared/searchQuery';
import { ALICE, PUBSUB, isolatedDb, nodeRecord } from './fixtures';
import { post } from './searchFixtures';
import { countDocReads } from './searchSpies';
import { instrument } from './dbCoreSpies';

const HOUR = 3_600_000;
const SIZE = 3_000;
const docReads = countDocReads();
let db: SatchelDb;

/** Like the microblog parser: created = published and updated = updated, when present. */
function entry(k: number): NewItem {
  const at = k * HOUR;
  if (k % 7 === 3) return post(`u${k}`, { body: 'updated only', created: at, updated: at }); // no published
  if (k % 11 === 5) return post(`n${k}`, { body: 'undated', created: at }); // no time field at all
  return post(`p${k}`, {
    body: 'dated',
    created: at,
    updated: at + HOUR / 2,
    fields: [
      ['published', at],
      ['updated', at + HOUR / 2],
    ],
  });
}

const microblog: TimeFieldsOf = (name) =>
  name === 'microblog' ? { created: 'published', updated: 'updated' } : undefined;

beforeAll(async () => {
  db = await openSatchelDb(isolatedDb());
  await createNodeStore({ db }).put(nodeRecord({ node: 'blog', analyser: 'microblog' }));
  await createNodeStore({ db }).put(nodeRecord({ node: 'other', analyser: 'another' }));
  const items = createItemStore({ db });
  await items.upsertItems(
    ALICE,
    PUBSUB,
    'blog',
    Array.from({ length: SIZE }, (_, k) => entry(k)),
  );
  // Another analyser's item whose `published` field is not its created time.
  await items.upsertItems(ALICE, PUBSUB, 'other', [
    post('elsewhere', { created: 5_000 * HOUR, fields: [['published', 100 * HOUR]] }),
  ]);
  await instrument(db, docReads.middleware);
}, 120_000);
afterAll(() => db.close());

const query = (overrides: Partial<SearchQuery>): SearchQuery => ({
  account: ALICE,
  nodes: [{ service: PUBSUB, node: 'blog' }],
  orderBy: 'created',
  direction: 'desc',
  offset: 0,
  max: 20,
  ...overrides,
});

async function run(q: SearchQuery, timeFieldsOf?: TimeFieldsOf) {
  docReads.counts.docs = 0;
  const page = await searchItems(db, q, timeFieldsOf);
  return { ids: page.items.map((i) => i.itemId), docs: docReads.counts.docs, page };
}

/** What the conditions select, computed from the fixture itself. */
function expected(keep: (item: NewItem) => boolean, q: SearchQuery): string[] {
  const all = Array.from({ length: SIZE }, (_, k) => entry(k)).filter(keep);
  const sorted = all.sort((a, b) => (b.created ?? 0) - (a.created ?? 0));
  return sorted.slice(q.offset, q.offset + q.max).map((i) => i.itemId);
}
const field = (item: NewItem, name: string) => item.fields?.find(([f]) => f === name)?.[1];

describe('a condition on a time field', () => {
  // A week early in the node: 2,800 newer posts lie between it and the newest.
  const week: [number, number] = [100 * HOUR, 268 * HOUR];

  test('gives the same page as without the declaration, reading a page of docs', async () => {
    const q = query({ conditions: [{ field: 'published', op: 'between', value: week }] });
    const want = expected((i) => {
      const v = field(i, 'published');
      return typeof v === 'number' && v >= week[0] && v <= week[1];
    }, q);
    const bounded = await run(q, microblog);
    const walked = await run(q);
    expect(want).toHaveLength(20);
    expect(bounded.ids).toEqual(want);
    expect(walked.ids).toEqual(want);
    // Posts without `published` (created in the week all the same) are checked, not returned.
    expect(bounded.docs).toBeLessThanOrEqual(40);
    expect(walked.docs).toBeGreaterThan(1_000);
  });

  test('pages and open-ended bounds keep the same results', async () => {
    for (const conditions of [
      [{ field: 'published', op: '<', value: 500 * HOUR }],
      [{ field: 'published', op: '>=', value: 2_950 * HOUR }],
      [{ field: 'updated', op: '<=', value: 40.5 * HOUR }],
    ] as const) {
      const q = query({ conditions: [...conditions], offset: 20 });
      const bounded = await run(q, microblog);
      expect(bounded.ids).toEqual((await run(q)).ids);
      expect(bounded.ids.length).toBeGreaterThan(0);
    }
  });

  test('is not used when a node in scope has an analyser without the declaration', async () => {
    const q = query({
      nodes: [
        { service: PUBSUB, node: 'blog' },
        { service: PUBSUB, node: 'other' },
      ],
      conditions: [{ field: 'published', op: '==', value: 100 * HOUR }],
    });
    // Bounding created to 100 h would lose 'elsewhere' (created 5,000 h).
    expect((await run(q, microblog)).ids).toEqual(['elsewhere', 'p100']);
  });
});
