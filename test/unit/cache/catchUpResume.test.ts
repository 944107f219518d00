/**
 * Issue 14: a catch-up stopped in the middle (the browser stopped the worker, the connection
 * was cut) resumes where it stopped: the next one fetches what was left, not everything again,
 * and still finds what changed meanwhile.
 */
import type { Element } from '@xmpp/xml';
import { beforeEach, expect, test } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import type { CacheDeps } from '../../../src/cache/CacheDeps';
import { catchUpNode } from '../../../src/cache/catchUpNode';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import { ALICE, BLOG, isolatedDb, nodeRecord } from '../db/fixtures';
import { fakeIq, result } from '../pubsub/fakeIq';

const key = { account: ALICE, service: ALICE, node: BLOG };
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);

/** The server's items, newest first, with a version each (an edit bumps it). */
let server: Array<{ id: string; version: number }>;
let fetchedIds: string[][];
let failAfterBatches: number | undefined;
let deps: CacheDeps;

const entry = ({ id, version }: { id: string; version: number }) =>
  `<item id='${id}'><entry xmlns='http://www.w3.org/2005/Atom'><title>${id} v${version}</title></entry></item>`;

function serve(stanza: Element): string {
  if (stanza.getChild('query', 'http://jabber.org/protocol/disco#items'))
    return result(
      `<query xmlns='http://jabber.org/protocol/disco#items' node='${BLOG}'>${server.map((i) => `<item jid='${ALICE}' name='${i.id}'/>`).join('')}</query>`,
    );
  const ids = (stanza.getChild('pubsub')?.getChild('items')?.getChildren('item') ?? []).map((i) =>
    String(i.attrs.id),
  );
  if (failAfterBatches !== undefined && fetchedIds.length >= failAfterBatches)
    throw new Error('the connection was cut');
  fetchedIds.push(ids);
  const items = server.filter((i) => ids.includes(i.id)).map(entry);
  return result(
    `<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='${BLOG}'>${items.join('')}</items></pubsub>`,
  );
}

/** Publishes (or republishes: an edit) `id` on the fake server: it lists first. */
function publish(id: string): void {
  const old = server.find((i) => i.id === id);
  server = [{ id, version: (old?.version ?? 0) + 1 }, ...server.filter((i) => i.id !== id)];
}

beforeEach(async () => {
  const db = await openSatchelDb(isolatedDb());
  server = [];
  fetchedIds = [];
  failAfterBatches = undefined;
  const { iq } = fakeIq(serve);
  deps = {
    iq: () => iq,
    nodes: createNodeStore({ db }),
    items: createItemStore({ db, now: () => 1 }),
    registry,
    now: () => 1,
    random: () => 0.5,
    emitNode: () => undefined,
    emitItems: () => undefined,
    track: () => undefined,
    log: () => undefined,
  };
  await deps.nodes.put(nodeRecord({ ...key, analyser: 'microblog' }));
});

const titleOf = async (id: string) =>
  (await deps.items.getItems(ALICE, ALICE, BLOG, [id]))[0]?.xml.match(
    /<title>(.*?)<\/title>/u,
  )?.[1];

test('a catch-up cut after two of five batches fetches only the rest next time', async () => {
  for (let i = 0; i < 50; i++) publish(`old${i}`);
  const record = (await deps.nodes.get(key))!;
  await catchUpNode(deps, key, record); // the first: no listing yet, 50 new items
  for (let i = 0; i < 500; i++) publish(`new${i}`);
  fetchedIds = [];
  failAfterBatches = 2;
  await expect(catchUpNode(deps, key, record)).rejects.toThrow('cut');
  expect(fetchedIds.flat()).toHaveLength(200);
  // Meanwhile, one old post is edited and one of the fetched new ones too.
  publish('old10');
  publish('new499');
  failAfterBatches = undefined;
  fetchedIds = [];
  const done = await catchUpNode(deps, key, record);
  expect(done).toMatchObject({ outcome: 'converged' });
  const again = fetchedIds.flat();
  // The 300 left, the two edits, and the newest five again (new499 and old10 among them).
  expect(again).toHaveLength(305);
  expect(again).toEqual(expect.arrayContaining(['old10', 'new499']));
  expect((await deps.items.listItemIds(ALICE, ALICE, BLOG)).sort()).toEqual(
    server.map((i) => i.id).sort(),
  );
  expect(await titleOf('old10')).toBe('old10 v2');
  expect(await titleOf('new499')).toBe('new499 v2');
  expect((await deps.nodes.getListing(key))?.pending).toBeUndefined();
});
