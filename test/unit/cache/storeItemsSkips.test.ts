/**
 * Issue 15: items that cannot be stored are skipped with their reason on the node, and the
 * rest of their batch is stored (a 10,000-deep item used to overflow the stack in toString()
 * and fail the whole batch).
 */
import parse from 'ltx/lib/parse.js';
import { beforeEach, expect, test } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import type { CacheDeps } from '../../../src/cache/CacheDeps';
import { MAX_SKIPPED_LISTED } from '../../../src/cache/recordSkipped';
import { storeItems } from '../../../src/cache/storeItems';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { NodeRecord } from '../../../src/shared/records';
import { ALICE, BLOG, isolatedDb, nodeRecord } from '../db/fixtures';

const NOW = Date.UTC(2026, 10, 1);
const key = { account: ALICE, service: ALICE, node: BLOG };
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);
let deps: CacheDeps;
let emitted: NodeRecord[];

const entry = (id: string, body = `post ${id}`) =>
  parse(
    `<item id='${id}'><entry xmlns='http://www.w3.org/2005/Atom'><title>${body}</title></entry></item>`,
  );

beforeEach(async () => {
  const db = await openSatchelDb(isolatedDb());
  emitted = [];
  deps = {
    iq: () => {
      throw new Error('no server here');
    },
    nodes: createNodeStore({ db }),
    items: createItemStore({ db, now: () => NOW }),
    registry,
    now: () => NOW,
    random: () => 0.5,
    emitNode: (_account, record) => emitted.push(record),
    emitItems: () => undefined,
    track: () => undefined,
    log: () => undefined,
  };
  await deps.nodes.put(nodeRecord({ ...key, analyser: 'microblog' }));
});

const store = (items: ReturnType<typeof parse>[]) =>
  storeItems(deps, key, registry.get('microblog'), items);

test('a 10,000-deep item is skipped with its reason; the rest of the batch is stored', async () => {
  const depth = 10_000;
  const deep = parse(
    `<item id='deep'><entry xmlns='http://www.w3.org/2005/Atom'>${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</entry></item>`,
  );
  await store([entry('a'), deep, entry('b')]);
  expect((await deps.items.listItemIds(ALICE, ALICE, BLOG)).sort()).toEqual(['a', 'b']);
  const record = await deps.nodes.get(key);
  expect(record?.skipped).toEqual({
    count: 1,
    latest: [{ itemId: 'deep', reason: 'an item nested more than 256 elements deep', at: NOW }],
  });
  expect(emitted.at(-1)?.skipped?.count).toBe(1); // the pages are told
});

test('an item without an id, or with one too long to ask for, is skipped', async () => {
  const noId = parse(`<item><entry xmlns='http://www.w3.org/2005/Atom'/></item>`);
  await store([noId, entry('x'.repeat(1025)), entry('ok')]);
  expect(await deps.items.listItemIds(ALICE, ALICE, BLOG)).toEqual(['ok']);
  const reasons = (await deps.nodes.get(key))?.skipped?.latest.map((s) => s.reason);
  expect(reasons).toEqual([
    'an item without an id (XEP-0060 §7.1.2)',
    'an item id longer than 1024 characters',
  ]);
});

test('the same id twice in one answer: the first is kept, the second skipped', async () => {
  await store([entry('dup', 'first'), entry('dup', 'second'), entry('other')]);
  const [row] = await deps.items.getItems(ALICE, ALICE, BLOG, ['dup']);
  expect(row?.xml).toContain('first');
  expect(await deps.items.nodeCounts(ALICE, ALICE, BLOG)).toMatchObject({ itemCount: 2 });
  expect((await deps.nodes.get(key))?.skipped).toMatchObject({
    count: 1,
    latest: [{ itemId: 'dup', reason: 'the same id twice in one answer' }],
  });
});

test('a replayed skip counts once, and the list is bounded', async () => {
  const deepItem = (id: string) =>
    parse(`<item id='${id}'>${'<x>'.repeat(300)}${'</x>'.repeat(300)}</item>`);
  await store([deepItem('d0')]);
  await store([deepItem('d0')]);
  expect((await deps.nodes.get(key))?.skipped?.count).toBe(1);
  await store(Array.from({ length: 30 }, (_, i) => deepItem(`d${i}`)));
  const skipped = (await deps.nodes.get(key))?.skipped;
  expect(skipped?.count).toBe(30);
  expect(skipped?.latest).toHaveLength(MAX_SKIPPED_LISTED);
  expect(skipped?.latest.at(-1)?.itemId).toBe('d29');
});

test('a post dated in the far future keeps its first-seen time, with the problem recorded', async () => {
  const future = parse(
    `<item id='future'><entry xmlns='http://www.w3.org/2005/Atom'><title>t</title><published>9999-12-31T23:59:59Z</published></entry></item>`,
  );
  const tomorrow = parse(
    `<item id='skew'><entry xmlns='http://www.w3.org/2005/Atom'><title>t</title><published>${new Date(NOW + 3600_000).toISOString()}</published></entry></item>`,
  );
  await store([future, tomorrow]);
  const [row, skew] = await deps.items.getItems(ALICE, ALICE, BLOG, ['future', 'skew']);
  expect(row?.created).toBe(NOW); // first seen, not year 9999
  expect(row?.parseError).toContain('created time 9999-12-31T23:59:59.000Z is in the future');
  expect(skew?.created).toBe(NOW + 3600_000); // an hour of clock skew is believed
});
