import { xml, type Element } from '@xmpp/xml';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import { createNode } from '../../src/pubsub/createNode';
import { deleteNode } from '../../src/pubsub/deleteNode';
import { detectCapabilities } from '../../src/pubsub/detectCapabilities';
import { discoverPubsubServices } from '../../src/pubsub/discoverPubsubServices';
import { getItems } from '../../src/pubsub/getItems';
import { getItemsByIds } from '../../src/pubsub/getItemsByIds';
import { getNodeConfig } from '../../src/pubsub/getNodeConfig';
import { getServiceInfo } from '../../src/pubsub/getServiceInfo';
import { getSubscriptions } from '../../src/pubsub/getSubscriptions';
import type { IqCaller } from '../../src/pubsub/IqCaller';
import { listItemIds } from '../../src/pubsub/listItemIds';
import { listNodes } from '../../src/pubsub/listNodes';
import { parsePubsubEvent, type PubsubEvent } from '../../src/pubsub/parsePubsubEvent';
import { publishItem } from '../../src/pubsub/publishItem';
import { purgeNode } from '../../src/pubsub/purgeNode';
import { retractItem } from '../../src/pubsub/retractItem';
import { subscribe } from '../../src/pubsub/subscribe';
import { unsubscribe } from '../../src/pubsub/unsubscribe';

// The pubsub client against a real Prosody 0.12 (see shared/reference/platform-facts.md):
// discovery, a complete fetch of a node without RSM, notifications, owner operations, errors.

const ATOM = 'http://www.w3.org/2005/Atom';
const entry = (n: number) => xml('entry', { xmlns: ATOM }, xml('title', {}, `Post ${n}`));
const ids = (items: Element[]) => items.map((item) => item.attrs.id ?? '?');

/** The session layer's adapter, as the worker will have it: the peer's iq is @xmpp/iq's. */
function iqCallerOf(peer: XmppPeer): IqCaller {
  return { request: (stanza, timeoutMs) => peer.iq(stanza, timeoutMs) };
}

/** Collects the pubsub events a peer receives, parsed, and the reasons of any it rejected. */
function eventsOf(peer: XmppPeer): { events: PubsubEvent[]; malformed: string[] } {
  const events: PubsubEvent[] = [];
  const malformed: string[] = [];
  peer.onStanza((stanza) => {
    if (!stanza.is('message')) return;
    const parsed = parsePubsubEvent(stanza);
    if (parsed.ok) events.push(...parsed.events);
    else malformed.push(parsed.reason);
  });
  return { events, malformed };
}

describe('pubsub client against Prosody 0.12', () => {
  let server: ProsodyServer;
  let alice: XmppPeer;
  let bob: XmppPeer;
  let aliceIq: IqCaller;
  let bobIq: IqCaller;
  let bobEvents: PubsubEvent[];
  let bobMalformed: string[];
  let service: string;
  const node = 'satchel/big';
  const published = Array.from({ length: 250 }, (_, n) => `item-${String(n).padStart(3, '0')}`);
  const started: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    server = await startProsody();
    started.push(server);
    service = server.pubsubService;
    const [aliceJid, bobJid] = await Promise.all([
      server.register('alice', 'alice-pw'),
      server.register('bob', 'bob-pw'),
    ]);
    [alice, bob] = await Promise.all([
      connectPeer({ wsUrl: server.wsUrl, jid: aliceJid, password: 'alice-pw' }),
      connectPeer({ wsUrl: server.wsUrl, jid: bobJid, password: 'bob-pw' }),
    ]);
    started.unshift(alice, bob);
    aliceIq = iqCallerOf(alice);
    bobIq = iqCallerOf(bob);
    ({ events: bobEvents, malformed: bobMalformed } = eventsOf(bob));
  });

  afterAll(async () => {
    for (const thing of started) await thing.stop();
  });

  afterEach(() => {
    // Every notification Prosody sent must have parsed.
    expect(bobMalformed).toEqual([]);
  });

  it('discovers the pubsub component and detects what it supports (no RSM, no MAM)', async () => {
    const services = await discoverPubsubServices(aliceIq, server.domain);
    expect(services.map((s) => s.jid)).toEqual([service]);
    const caps = detectCapabilities(await getServiceInfo(aliceIq, service));
    expect(caps).toMatchObject({
      isPubsubService: true,
      rsm: false,
      mam: false,
      retrieveItems: true,
      publish: true,
      subscribe: true,
      createNodes: true,
      purgeNodes: true,
      deleteNodes: true,
      persistentItems: true,
    });
  });

  it('creates a node keeping 1,000 items and reads its configuration back', async () => {
    const created = await createNode(aliceIq, {
      service,
      node,
      config: { maxItems: 1000, persistItems: true, accessModel: 'open', notifyRetract: true },
    });
    expect(created).toBe(node);
    expect(await getNodeConfig(aliceIq, service, node)).toMatchObject({
      maxItems: 1000,
      persistItems: true,
      accessModel: 'open',
      notifyRetract: true,
    });
    expect((await listNodes(bobIq, service)).map((n) => n.node)).toContain(node);
    await expect(createNode(aliceIq, { service, node })).rejects.toMatchObject({
      code: 'conflict-node-exists',
    });
  });

  it('publishes 250 items and fetches every one of them without RSM', async () => {
    // The first 240 concurrently, the last 10 in order: those are then the newest 10.
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < 240) {
        const n = next++;
        const id = await publishItem(aliceIq, {
          service,
          node,
          id: published[n],
          payload: entry(n),
        });
        expect(id).toBe(published[n]);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    for (let n = 240; n < 250; n++) {
      await publishItem(aliceIq, { service, node, id: published[n], payload: entry(n) });
    }

    const listed = await listItemIds(bobIq, service, node);
    expect(listed).toHaveLength(250);
    expect([...listed].sort()).toEqual(published);

    const batches: number[] = [];
    const all = await getItemsByIds(bobIq, service, node, listed, 100, {
      onBatch: (batch) => {
        batches.push(batch.length);
      },
    });
    expect(batches).toEqual([100, 100, 50]);
    expect(all.missingIds).toEqual([]);
    expect(ids(all.items).sort()).toEqual(published);
    const first = all.items.find((item) => item.attrs.id === 'item-000');
    expect(first?.getChild('entry', ATOM)?.getChildText('title')).toBe('Post 0');

    const newest = await getItems(bobIq, { service, node, maxItems: 10 });
    expect(ids(newest.items).sort()).toEqual(published.slice(240));
  });

  it('shows that Prosody ignores an RSM request: every item, no page', async () => {
    const page = await getItems(bobIq, { service, node, rsm: { max: 5 } });
    expect(page.rsm).toBeUndefined();
    expect(page.items).toHaveLength(250);
  });

  it('subscribes, and the subscriber hears publishes, retractions and purges', async () => {
    const subscription = await subscribe(bobIq, { service, node, jid: bob.jid });
    expect(subscription).toMatchObject({ node, jid: bob.jid, state: 'subscribed' });
    const mine = await getSubscriptions(bobIq, service, node);
    expect(mine.map((s) => [s.jid, s.state])).toEqual([[bob.jid, 'subscribed']]);
    bobEvents.length = 0;

    await publishItem(aliceIq, { service, node, id: 'live-1', payload: entry(1000) });
    await vi.waitFor(
      () => {
        expect(bobEvents.some((e) => e.kind === 'items')).toBe(true);
      },
      {
        timeout: 5_000,
      },
    );
    const notified = bobEvents.find((e) => e.kind === 'items');
    expect(notified).toMatchObject({ service, node });
    if (notified?.kind === 'items') expect(ids(notified.items)).toEqual(['live-1']);

    await retractItem(aliceIq, { service, node, id: 'item-007' });
    await vi.waitFor(
      () => {
        expect(bobEvents).toContainEqual({ kind: 'retract', service, node, ids: ['item-007'] });
      },
      { timeout: 5_000 },
    );
    const afterRetract = await listItemIds(bobIq, service, node);
    expect(afterRetract).toHaveLength(250); // 250 published + live-1 - item-007
    expect(afterRetract).not.toContain('item-007');
    const gone = await getItemsByIds(bobIq, service, node, ['item-006', 'item-007']);
    expect(gone.missingIds).toEqual(['item-007']);

    await purgeNode(aliceIq, service, node);
    await vi.waitFor(
      () => {
        expect(bobEvents).toContainEqual({ kind: 'purge', service, node });
      },
      {
        timeout: 5_000,
      },
    );
    expect(await listItemIds(bobIq, service, node)).toEqual([]);
  });

  it('maps refusals: publishing to another account’s node, a missing node, a missing item', async () => {
    await expect(
      publishItem(bobIq, { service, node, id: 'intruder', payload: entry(0) }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      publishItem(bobIq, {
        service: alice.bareJid,
        node: 'urn:xmpp:microblog:0',
        payload: entry(0),
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(purgeNode(bobIq, service, node)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getItems(bobIq, { service, node: 'no/such/node' })).rejects.toMatchObject({
      code: 'item-not-found',
    });
    await expect(listItemIds(bobIq, service, 'no/such/node')).rejects.toMatchObject({
      code: 'item-not-found',
    });
    await expect(
      retractItem(aliceIq, { service, node, id: 'never-published' }),
    ).rejects.toMatchObject({ code: 'item-not-found' });
  });

  it('unsubscribes, and deletion is notified to subscribers and then the node is gone', async () => {
    const watcher = await subscribe(bobIq, { service, node, jid: bob.bareJid });
    expect(watcher.state).toBe('subscribed');
    expect((await unsubscribe(bobIq, { service, node, jid: bob.bareJid })).state).toBe('none');

    await deleteNode(aliceIq, { service, node });
    await vi.waitFor(
      () => {
        expect(bobEvents.some((e) => e.kind === 'delete' && e.node === node)).toBe(true);
      },
      { timeout: 5_000 },
    );
    await expect(getItems(bobIq, { service, node })).rejects.toMatchObject({
      code: 'item-not-found',
    });
  });

  it('works on PEP (XEP-0163): the service is the account’s bare JID', async () => {
    const pep = alice.bareJid;
    const microblog = 'urn:xmpp:microblog:0';
    const id = await publishItem(aliceIq, { service: pep, node: microblog, payload: entry(1) });
    expect(id).toBeTruthy();
    const items = await getItems(aliceIq, { service: pep, node: microblog });
    expect(ids(items.items)).toEqual([id]);
    expect(await listItemIds(aliceIq, pep, microblog)).toEqual([id]);
    const instant = await createNode(aliceIq, { service });
    expect(instant).toMatch(/.+/);
    await deleteNode(aliceIq, { service, node: instant });
  });
});
