/**
 * Issue 14: "Synced" only once a node converged; a failed catch-up says so on the node, keeps
 * every cached item and is tried again with back-off.
 */
import type { Element } from '@xmpp/xml';
import { beforeEach, expect, test, vi } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import type { CacheDeps } from '../../../src/cache/CacheDeps';
import { createCatchUp } from '../../../src/cache/createCatchUp';
import { createItemStore } from '../../../src/db/itemStore';
import { createNodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import type { NodeRecord } from '../../../src/shared/records';
import { ALICE, BLOG, isolatedDb, nodeRecord } from '../db/fixtures';
import { fakeIq, result } from '../pubsub/fakeIq';

const key = { account: ALICE, service: ALICE, node: BLOG };
let serverUp: boolean;
let deps: CacheDeps;
let emitted: NodeRecord[];
let clock: number;

function serve(stanza: Element): string {
  if (!serverUp) throw Object.assign(new Error('timeout'), { name: 'TimeoutError' });
  if (stanza.getChild('query'))
    return result(
      `<query xmlns='http://jabber.org/protocol/disco#items' node='${BLOG}'><item jid='${ALICE}' name='a'/></query>`,
    );
  return result(
    `<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='${BLOG}'><item id='a'><entry xmlns='http://www.w3.org/2005/Atom'><title>A</title></entry></item></items></pubsub>`,
  );
}

beforeEach(async () => {
  const db = await openSatchelDb(isolatedDb());
  serverUp = false;
  emitted = [];
  clock = 1_000;
  const { iq } = fakeIq(serve);
  deps = {
    iq: () => iq,
    nodes: createNodeStore({ db }),
    items: createItemStore({ db, now: () => clock }),
    registry: createAnalyserRegistry({ onError: () => undefined }),
    now: () => clock,
    random: () => 0, // the shortest back-off: 2.5 s for the first retry
    emitNode: (_account, node) => emitted.push(node),
    emitItems: () => undefined,
    track: () => undefined,
    log: () => undefined,
  };
  await deps.nodes.put(nodeRecord({ ...key, lastSyncAt: 500 }));
});

test(
  'a failed catch-up is recorded on the node and retried; only convergence says synced',
  { timeout: 10_000 },
  async () => {
    const catchUp = createCatchUp(deps);
    await catchUp.catchUpAll(ALICE, [(await deps.nodes.get(key))!]);
    expect(emitted.map((n) => n.catchUp?.state)).toEqual(['running', 'failed']);
    const failed = (await deps.nodes.get(key))!;
    expect(failed.catchUp).toMatchObject({ state: 'failed', attempts: 1, code: 'timeout' });
    expect(failed.lastSyncAt).toBe(500); // not synced
    expect(failed.catchUp?.state === 'failed' && failed.catchUp.retryAt).toBe(1_000 + 2_500);
    serverUp = true;
    clock = 9_000;
    await vi.waitFor(async () => expect((await deps.nodes.get(key))?.catchUp).toBeUndefined(), {
      timeout: 5_000,
    });
    const converged = (await deps.nodes.get(key))!;
    expect(converged.lastSyncAt).toBe(9_000);
    expect(await deps.items.listItemIds(ALICE, ALICE, BLOG)).toEqual(['a']);
  },
);
