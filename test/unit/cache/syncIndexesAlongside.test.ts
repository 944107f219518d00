/**
 * Issue 16: a sync's words are indexed beside it, one step after each stored batch while the
 * next batch is fetched, so the node is searchable about when it is synced; a failing step
 * costs the sync nothing (the indexer's kick after the sync takes the rest).
 */
import type { Element } from '@xmpp/xml';
import { beforeEach, expect, test } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import type { CacheDeps } from '../../../src/cache/CacheDeps';
import { createSyncEngine } from '../../../src/cache/createSyncEngine';
import { createItemStore } from '../../../src/db/itemStore';
import { createMaintenanceStore } from '../../../src/db/createMaintenanceStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import { ALICE, PUBSUB, isolatedDb, nodeRecord } from '../db/fixtures';
import { fakeIq, result } from '../pubsub/fakeIq';

const NOW = Date.UTC(2026, 11, 1);
const NODE = 'blog/words';
const key = { account: ALICE, service: PUBSUB, node: NODE };
const ids = Array.from({ length: 250 }, (_, i) => `post-${i}`);
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);

/** Prosody 0.12's way (no RSM): the ids listed by disco#items, then fetched by id. */
function serve(stanza: Element): string {
  if (stanza.getChild('query', 'http://jabber.org/protocol/disco#items'))
    return result(
      `<query xmlns='http://jabber.org/protocol/disco#items' node='${NODE}'>${ids.map((id) => `<item jid='${PUBSUB}' name='${id}'/>`).join('')}</query>`,
    );
  const asked = stanza.getChild('pubsub')?.getChild('items')?.getChildren('item') ?? [];
  const entries = asked.map(
    (i) =>
      `<item id='${String(i.attrs.id)}'><entry xmlns='http://www.w3.org/2005/Atom'><title>zephyr ${String(i.attrs.id)}</title><published>2026-01-01T00:00:00Z</published></entry></item>`,
  );
  return result(
    `<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='${NODE}'>${entries.join('')}</items></pubsub>`,
  );
}

let deps: CacheDeps;
let maintenance: ReturnType<typeof createMaintenanceStore>;

beforeEach(async () => {
  const db = await openSatchelDb(isolatedDb());
  const { iq } = fakeIq(serve);
  deps = {
    iq: () => iq,
    nodes: createNodeStore({ db }),
    items: createItemStore({ db, now: () => NOW }),
    registry,
    now: () => NOW,
    random: () => 0,
    emitNode: () => undefined,
    emitItems: () => undefined,
    track: () => undefined,
    log: () => undefined,
  };
  maintenance = createMaintenanceStore({ db, timeFieldsOf: () => undefined });
  await deps.nodes.put(
    nodeRecord({ ...key, syncState: 'pending', analyser: 'microblog', followed: true }),
  );
});

const zephyrs = async () =>
  (
    await maintenance.search({
      account: ALICE,
      text: 'zephyr',
      orderBy: 'relevance',
      direction: 'desc',
      offset: 0,
      max: 100,
    })
  ).total;

test('each stored batch is followed by a step of the word indexer', async () => {
  const seen: Array<{ stored: number; queued: boolean }> = [];
  const engine = createSyncEngine(deps, {
    afterBatch: async () => {
      seen.push({
        stored: await deps.items.countItems(ALICE, PUBSUB, NODE),
        queued: await maintenance.hasQueuedWords(ALICE),
      });
      await deps.items.indexQueuedWords(100);
    },
  });
  await engine.sync(key);
  // After each batch's transaction: its words wait, and the step indexes them.
  expect(seen).toEqual([
    { stored: 100, queued: true },
    { stored: 200, queued: true },
    { stored: 250, queued: true },
  ]);
  expect((await deps.nodes.get(key))?.syncState).toBe('completed');
  // Synced and searchable at once: no word waits for the end of the sync.
  expect(await maintenance.hasQueuedWords(ALICE)).toBe(false);
  expect(await zephyrs()).toBe(250);
});

test('a failing step fails nothing: the sync completes and its words wait for the indexer', async () => {
  const engine = createSyncEngine(deps, {
    afterBatch: () => Promise.reject(new Error('the indexer failed')),
  });
  await engine.sync(key);
  expect((await deps.nodes.get(key))?.syncState).toBe('completed');
  expect(await deps.items.countItems(ALICE, PUBSUB, NODE)).toBe(250);
  expect(await maintenance.hasQueuedWords(ALICE)).toBe(true);
});
