/** The node analyser: once, stored, redone when old; an old one stands when it cannot be redone. */
import { beforeEach, expect, test } from 'vitest';
import { createAnalyserRegistry } from '../../../src/analysers/analyserRegistry';
import { registerBuiltinAnalysers } from '../../../src/analysers/builtinAnalysers';
import { ANALYSIS_MAX_AGE_MS, createNodeAnalyser } from '../../../src/cache/createNodeAnalyser';
import { createNodeStore, type NodeStore } from '../../../src/db/nodeStore';
import { openSatchelDb } from '../../../src/db/openSatchelDb';
import { SatchelError } from '../../../src/shared/SatchelError';
import { ALICE, BLOG, isolatedDb, nodeRecord } from '../db/fixtures';
import { fakeIq, result } from '../pubsub/fakeIq';

const NOW = Date.UTC(2026, 10, 1);
const key = { account: ALICE, service: ALICE, node: BLOG };
const registry = createAnalyserRegistry({ onError: () => undefined });
registerBuiltinAnalysers(registry);
const entryReply = result(
  `<pubsub xmlns='http://jabber.org/protocol/pubsub'><items node='${BLOG}'><item id='a'><entry xmlns='http://www.w3.org/2005/Atom'><title>a</title></entry></item></items></pubsub>`,
);

let nodes: NodeStore;
let online: boolean;
let requests: number;

function analyser() {
  const server = fakeIq(() => {
    requests += 1;
    if (!online) throw new SatchelError('connection-lost');
    return entryReply;
  });
  return createNodeAnalyser({
    iq: () => server.iq,
    nodes,
    registry,
    now: () => NOW,
    log: () => undefined,
  });
}

beforeEach(async () => {
  nodes = createNodeStore({ db: await openSatchelDb(isolatedDb()) });
  online = true;
  requests = 0;
});

test('a node is analysed once, and a recent analysis is not redone', async () => {
  const first = await analyser()(key);
  expect(first).toMatchObject({ analyser: 'microblog', analysedAt: NOW, syncState: 'pending' });
  await analyser()(key);
  expect(requests).toBe(1);
});

test('an old analysis is redone when the server answers', async () => {
  await nodes.put(
    nodeRecord({ ...key, analyser: 'generic', analysedAt: NOW - ANALYSIS_MAX_AGE_MS - 1 }),
  );
  expect(await analyser()(key)).toMatchObject({ analyser: 'microblog', analysedAt: NOW });
});

test('an old analysis stands when it cannot be redone: a synced node still reads offline', async () => {
  const old = nodeRecord({
    ...key,
    analyser: 'microblog',
    analysedAt: NOW - ANALYSIS_MAX_AGE_MS - 1,
  });
  await nodes.put(old);
  online = false;
  expect(await analyser()(key)).toEqual(old);
  expect(requests).toBe(1);
  // A node never analysed, or a forced analysis, still says why it failed.
  await expect(analyser()(key, true)).rejects.toMatchObject({ code: 'connection-lost' });
  await expect(analyser()({ ...key, node: 'other' })).rejects.toMatchObject({
    code: 'connection-lost',
  });
});
