/**
 * Retention (issue 7) in the live cache: evicted items leave open feeds like retracted ones,
 * and catching up a node with a policy does not download the evicted items again.
 */
import type { Element } from '@xmpp/xml';
import parse from 'ltx/lib/parse.js';
import { beforeEach, expect, test } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import type { CacheDeps } from '../../../src/cache/CacheDeps';
import { catchUpNode } from '../../../src/cache/catchUpNode';
import { createSyncEngine } from '../../../src/cache/createSyncEngine';
import { storeItems } from '../../../src/cache/storeItems';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { ItemsChangedEvent } from '../../../src/shared/protocol';
import type { NodeRecord, RetentionPolicy } from '../../../src/shared/records';
import { ALICE, BLOG, isolatedDb, nodeRecord } from '../db/fixtures';
import { fakeIq, result } from '../pubsub/fakeIq';

const NOW = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const key = { account: ALICE, service: ALICE, node: BLOG };
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);

/** The server's node: post-0 is the oldest, one a day, the newest published now. */
let serverPosts: Array<{ id: string; published: number }>;
let requests: string[];
let events: ItemsChangedEvent[];
let deps: CacheDeps;

const entry = (p: { id: string; published: number }) =>
  `<item id='${p.id}' publisher='${ALICE}'><entry xmlns='http://www.w3.org/2005/Atom'><title>${p.id}</title><published>${new Date(p.published).toISOString()}</published></entry></item>`;
const itemsReply = (posts: ReadonlyArray<{ id: string; published: number }>) =>
  result(
    `<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='${BLOG}'>${posts.map(entry).join('')}</items></pubsub>`,
  );

function serve(stanza: Element): string {
  if (stanza.getChild('query', 'http://jabber.org/protocol/disco#items')) {
    requests.push('list');
    return result(
      `<query xmlns='http://jabber.org/protocol/disco#items' node='${BLOG}'>${serverPosts.map((p) => `<item jid='${ALICE}' name='${p.id}'/>`).join('')}</query>`,
    );
  }
  const items = stanza.getChild('pubsub')?.getChild('items');
  const max = items?.attrs.max_items;
  if (max !== undefined) {
    requests.push(`newest ${max}`);
    const newest = [...serverPosts].sort((a, b) => b.published - a.published);
    return itemsReply(newest.slice(0, Number(max)));
  }
  const ids = (items?.getChildren('item') ?? []).map((item) => String(item.attrs.id));
  requests.push(`by id ${ids.length}`);
  return itemsReply(serverPosts.filter((p) => ids.includes(p.id)));
}

beforeEach(async () => {
  const db = await openSatchelDb(isolatedDb());
  serverPosts = Array.from({ length: 200 }, (_, i) => ({
    id: `post-${i}`,
    published: NOW - (199 - i) * DAY,
  }));
  requests = [];
  events = [];
  const { iq } = fakeIq(serve);
  deps = {
    iq: () => iq,
    nodes: createNodeStore({ db }),
    items: createItemStore({ db, now: () => NOW }),
    registry,
    now: () => NOW,
    random: () => 0.5,
    emitNode: () => undefined,
    emitItems: (event) => events.push(event),
    track: () => undefined,
    log: () => undefined,
  };
});

async function syncedWith(retention: RetentionPolicy, cachedFrom: number): Promise<NodeRecord> {
  const record = nodeRecord({ ...key, syncState: 'completed', analyser: 'microblog', retention });
  await deps.nodes.put(record);
  // What the first sync left: the newest posts within the policy, stored the way sync does.
  const reply = parse(itemsReply(serverPosts.slice(cachedFrom)));
  const items = reply.getChild('pubsub')?.getChild('items')?.getChildren('item') ?? [];
  await storeItems(deps, key, registry.get('microblog'), items);
  events = [];
  return record;
}

test('catch-up with a maximum count fetches the newest that many, not the evicted ids', async () => {
  const record = await syncedWith({ maxItems: 10 }, 190);
  serverPosts.push({ id: 'new-1', published: NOW + 1 }, { id: 'new-2', published: NOW + 2 });
  const done = await catchUpNode(deps, key, record);
  expect(requests).toEqual(['list', 'newest 10']);
  expect(done).toMatchObject({ outcome: 'converged', added: 2 });
  expect(await deps.items.countItems(ALICE, ALICE, BLOG)).toBe(10);
  // The two oldest left open feeds as retracted, in the same event as the new ones.
  expect(events.at(-1)).toMatchObject({
    upserted: ['new-2', 'new-1'],
    retracted: ['post-190', 'post-191'],
  });
});

test('catch-up with an age limit widens its window until past the limit', async () => {
  const record = await syncedWith({ maxAgeDays: 120 }, 80);
  serverPosts.push({ id: 'new-1', published: NOW + 1 });
  await catchUpNode(deps, key, record);
  // 50 and 100 are within 120 days; 200 reaches past them.
  expect(requests).toEqual(['list', 'newest 50', 'newest 100', 'newest 200']);
  // Posts of the last 120 days (days 0 to 120 ago) and the new one.
  expect(await deps.items.countItems(ALICE, ALICE, BLOG)).toBe(122);
});

test('without a policy, missing ids are fetched by id', async () => {
  const record = await syncedWith({}, 190);
  await catchUpNode(deps, key, record);
  expect(requests.slice(0, 3)).toEqual(['list', 'by id 100', 'by id 90']);
  expect(await deps.items.countItems(ALICE, ALICE, BLOG)).toBe(200);
});

test('the sync of a node with a policy fetches what the policy keeps, not the whole node', async () => {
  await deps.nodes.put(
    nodeRecord({
      ...key,
      syncState: 'pending',
      subscription: 'subscribed',
      analyser: 'microblog',
      retention: { maxItems: 30 },
    }),
  );
  await createSyncEngine(deps).sync(key);
  expect(requests).toEqual(['list', 'newest 30']);
  expect(await deps.items.countItems(ALICE, ALICE, BLOG)).toBe(30);
  expect((await deps.nodes.get(key))?.syncState).toBe('completed');
});
