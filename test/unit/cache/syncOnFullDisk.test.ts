/**
 * Issue 15 "Storage": the disk fills in the middle of a sync (or of a catch-up). The database then refuses every
 * write, the failure's own record on the node included: the failure must still reach the pages,
 * the sync must still be retried (also while the disk stays full), and once space is back it
 * finishes from where it stopped.
 */
import type { Element } from '@xmpp/xml';
import parse from 'ltx/lib/parse.js';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import type { CacheDeps } from '../../../src/cache/CacheDeps';
import { createCatchUp } from '../../../src/cache/createCatchUp';
import { createEventApplier } from '../../../src/cache/createEventApplier';
import { createSyncEngine } from '../../../src/cache/createSyncEngine';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { NodeRecord } from '../../../src/shared/records';
import type { SatchelError } from '../../../src/shared/SatchelError';
import { fullDisk, instrument } from '../db/dbCoreSpies';
import { ALICE, PUBSUB, isolatedDb, nodeRecord } from '../db/fixtures';
import { fakeIq, result } from '../pubsub/fakeIq';

const NOW = Date.UTC(2026, 11, 1);
const NODE = 'blog/big';
const key = { account: ALICE, service: PUBSUB, node: NODE };
const ids = Array.from({ length: 300 }, (_, i) => `post-${i}`);
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);

const entry = (id: string) =>
  `<item id='${id}'><entry xmlns='http://www.w3.org/2005/Atom'><title>${id}</title><published>2026-01-01T00:00:00Z</published></entry></item>`;

/** Prosody 0.12's way (no RSM): the ids listed by disco#items, then fetched by id. */
function serve(stanza: Element): string {
  if (stanza.getChild('query', 'http://jabber.org/protocol/disco#items'))
    return result(
      `<query xmlns='http://jabber.org/protocol/disco#items' node='${NODE}'>${ids.map((id) => `<item jid='${PUBSUB}' name='${id}'/>`).join('')}</query>`,
    );
  const asked = stanza.getChild('pubsub')?.getChild('items')?.getChildren('item');
  if (!asked) throw new Error('not served here');
  return result(
    `<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='${NODE}'>${asked.map((i) => entry(String(i.attrs.id))).join('')}</items></pubsub>`,
  );
}

let deps: CacheDeps;
let disk: ReturnType<typeof fullDisk>;
let shown: NodeRecord[];
let storageFull: SatchelError[];
let work: Promise<unknown>[];
/** The disk fills as soon as this batch is stored. */
let fillAfterBatch: number | undefined;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const db = await openSatchelDb(isolatedDb());
  disk = fullDisk();
  await instrument(db, disk.middleware);
  shown = [];
  storageFull = [];
  work = [];
  const { iq } = fakeIq(serve);
  fillAfterBatch = undefined;
  let batches = 0;
  deps = {
    iq: () => iq,
    nodes: createNodeStore({ db }),
    items: createItemStore({ db, now: () => NOW }),
    registry,
    now: () => NOW,
    random: () => 0, // the shortest back-off: 15 s, then 30 s
    emitNode: (_account, node) => shown.push(node),
    emitItems: () => {
      if (++batches === fillAfterBatch) disk.state.full = true;
    },
    onStorageFull: (error) => storageFull.push(error),
    track: (w) => work.push(w),
    log: () => undefined,
  };
  await deps.nodes.put(
    nodeRecord({ ...key, syncState: 'pending', analyser: 'microblog', followed: true }),
  );
});
afterEach(() => {
  vi.useRealTimers();
});

const stored = async () => (await deps.nodes.get(key))!;

test('a failure the full disk will not let it record is shown anyway, and retried until space is back', async () => {
  fillAfterBatch = 1;
  const engine = createSyncEngine(deps);
  await engine.sync(key);

  // The first batch is stored whole; the disk refused the rest, and the node's error too.
  expect(await deps.items.countItems(ALICE, PUBSUB, NODE)).toBe(100);
  expect(storageFull.map((e) => e.code)).toEqual(['storage-full']);
  expect((await stored()).syncState).toBe('inProgress');
  const failure = {
    syncState: 'error',
    syncError: { code: 'storage-full', attempts: 1, retryAt: NOW + 15_000 },
  };
  // The pages are told, and views show it, from memory.
  expect(shown.at(-1)).toMatchObject(failure);
  expect(engine.withUnsaved(await stored())).toMatchObject(failure);

  // The retry comes while the disk is still full: its first write is refused, it fails the
  // same way, and is retried later again.
  await vi.advanceTimersByTimeAsync(15_000);
  await Promise.all(work);
  expect(shown.at(-1)).toMatchObject({
    syncState: 'error',
    syncError: { code: 'storage-full', attempts: 2, retryAt: NOW + 30_000 },
  });
  expect(await deps.items.countItems(ALICE, PUBSUB, NODE)).toBe(100);

  // Space is back and the reader tries again: at once, not in 30 s.
  disk.state.full = false;
  engine.retryNow();
  await Promise.all(work);
  const done = await stored();
  expect(done).toMatchObject({ syncState: 'completed' });
  expect(done.syncError).toBeUndefined();
  expect(engine.withUnsaved(done)).toEqual(done);
  expect(await deps.items.listItemIds(ALICE, PUBSUB, NODE)).toHaveLength(300);
  expect(new Set(await deps.items.listItemIds(ALICE, PUBSUB, NODE))).toEqual(new Set(ids));
});

test('a page reading the node as the unrecordable failure is told sees the failure, not the stored progress', async () => {
  fillAfterBatch = 1;
  const seen: Array<NodeRecord['syncState']> = [];
  const engine = createSyncEngine({
    ...deps,
    emitNode: (_account, node) => {
      if (node.syncState !== 'error') return;
      // What the page's cache.getNode reads at that moment: the stored record, still in progress.
      seen.push(engine.withUnsaved({ ...node, syncState: 'inProgress' }).syncState);
    },
  });
  await engine.sync(key);
  expect(seen).toEqual(['error']);
});

test('a catch-up whose first write the full disk refuses is retried, and converges once space is back', async () => {
  await deps.nodes.put(
    nodeRecord({ ...key, syncState: 'completed', analyser: 'microblog', lastSyncAt: 1 }),
  );
  disk.state.full = true;
  const catchUp = createCatchUp(deps);
  await catchUp.catchUp(key);
  const refused = disk.state.refused;
  expect(refused).toBeGreaterThan(0);
  expect(storageFull.map((e) => e.code)).toEqual(['storage-full']);
  // Retried in 2.5 s (the catch-up's shortest back-off), refused again while the disk is full.
  await vi.advanceTimersByTimeAsync(2_500);
  await Promise.all(work);
  expect(disk.state.refused).toBeGreaterThan(refused);
  disk.state.full = false;
  catchUp.retryNow();
  await Promise.all(work);
  expect(await stored()).toMatchObject({ syncState: 'completed', lastSyncAt: NOW });
  expect((await stored()).catchUp).toBeUndefined();
  expect(await deps.items.listItemIds(ALICE, PUBSUB, NODE)).toHaveLength(300);
});

test('a live event the full disk refuses is recovered by a catch-up of its node once space is back', async () => {
  await deps.nodes.put(
    nodeRecord({ ...key, syncState: 'completed', analyser: 'microblog', lastSyncAt: 1 }),
  );
  const catchUp = createCatchUp(deps);
  const events = createEventApplier(deps, (at) => void catchUp.catchUp(at));
  disk.state.full = true;
  await events.applyEvents(ALICE, [
    { service: PUBSUB, node: NODE, kind: 'items', items: [parse(entry('post-299'))] },
  ]);
  await Promise.all(work);
  expect(storageFull.map((e) => e.code)).toContain('storage-full');
  expect(await deps.items.countItems(ALICE, PUBSUB, NODE)).toBe(0);
  // Space is back and the reader tries again: the catch-up the lost event left brings it.
  disk.state.full = false;
  catchUp.retryNow();
  await Promise.all(work);
  expect(await deps.items.getItem(ALICE, PUBSUB, NODE, 'post-299')).toBeDefined();
  expect(await deps.items.listItemIds(ALICE, PUBSUB, NODE)).toHaveLength(300);
  expect((await stored()).catchUp).toBeUndefined();
});
