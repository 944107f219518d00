import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Element } from '@xmpp/xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProsody, type ProsodyServer } from '../../scripts/lib/prosody';
import { seedPubsubArchive } from '../../scripts/lib/seedPubsubArchive';
import { connectPeer, type XmppPeer } from '../../scripts/lib/xmppPeer';
import type { IqCaller } from '../../src/pubsub/IqCaller';
import { createSatchel, openTestDb } from '../support/cacheHarness';
import { scaleEntry, scaleItemId } from '../support/scaleNode';

// Issue 15, "50,000 items on one node" (docs/reliability.md). The items are written straight
// into Prosody's SQL archive (seedPubsubArchive.ts: seconds, where publishing them would take
// minutes), then the worker's real XMPP, pubsub and cache layers (fake-indexeddb) start the
// sync. This proves what is cheap: the server serves the node, and Satchel lists it once and
// fetches it by id in batches of 100, one transaction each, the rest kept as a cursor, its
// event loop free. The listing (Prosody reads all 50,000 items for it) takes 25 to 30 s here;
// the whole sync in Chromium is measured by scripts/measureLargeNode.ts.
const COUNT = 50_000;
const NODE = 'scale-50000';
const NS_DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';
const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';

let prosody: ProsodyServer;
let publisher: XmppPeer;
let reader: { jid: string; password: string };
let seedMs = 0;

beforeAll(async () => {
  prosody = await startProsody({ pubsubMaxItems: COUNT + 1_000 });
  const publisherJid = await prosody.register('pub', 'pw-pub');
  reader = { jid: await prosody.register('reader', 'pw-reader'), password: 'pw-reader' };
  publisher = await connectPeer({ wsUrl: prosody.wsUrl, jid: publisherJid, password: 'pw-pub' });
  await publisher.createNode(prosody.pubsubService, NODE, {
    'pubsub#max_items': String(COUNT + 1_000),
    'pubsub#access_model': 'open',
  });
  const started = performance.now();
  // The first through XEP-0060 (Prosody creates its archive table then), the rest seeded.
  await publisher.publish(prosody.pubsubService, NODE, scaleItemId(0), scaleEntry(0));
  await seedPubsubArchive(prosody, {
    node: NODE,
    from: 1,
    count: COUNT,
    item: (i) => ({ id: scaleItemId(i), payload: scaleEntry(i) }),
    publisher: publisherJid,
  });
  seedMs = performance.now() - started;
}, 120_000);

afterAll(async () => {
  await publisher?.stop();
  await prosody?.stop();
});

/** One answer the worker received: what it asked, how long it waited, how big the answer. */
interface Answer {
  kind: 'listing' | 'fetch by id' | 'other';
  ids: number;
  chars: number;
  ms: number;
}

/** The worker's iq caller, recording each answer (wraps the real one). */
function recording(inner: () => IqCaller, answers: Answer[]): IqCaller {
  return {
    async request(stanza: Element, timeoutMs?: number) {
      const started = performance.now();
      const reply = await inner().request(stanza, timeoutMs);
      const asked = stanza.getChild('pubsub', NS_PUBSUB)?.getChild('items');
      const listing = stanza.getChild('query', NS_DISCO_ITEMS)?.attrs.node === NODE;
      const byId = asked?.attrs.node === NODE && asked.getChildren('item').length > 0;
      answers.push({
        kind: listing ? 'listing' : byId ? 'fetch by id' : 'other',
        ids: listing
          ? (reply.getChild('query', NS_DISCO_ITEMS)?.getChildren('item').length ?? 0)
          : (reply.getChild('pubsub', NS_PUBSUB)?.getChild('items')?.getChildren('item').length ??
            0),
        chars: reply.toString().length,
        ms: performance.now() - started,
      });
      return reply;
    },
  };
}

describe('50,000 items on one node', () => {
  it('seeded into the SQL archive in seconds, Prosody serves them at once, by id', async () => {
    console.log(`seeded ${COUNT} items in ${Math.round(seedMs)} ms`);
    expect(seedMs).toBeLessThan(60_000);
    const fetched = await publisher.items(prosody.pubsubService, NODE, {
      ids: [scaleItemId(0), scaleItemId(25_000), scaleItemId(COUNT - 1)],
    });
    expect(fetched.map((item) => item.attrs.id)).toEqual([
      scaleItemId(0),
      scaleItemId(25_000),
      scaleItemId(COUNT - 1),
    ]);
    expect(fetched[1]?.toString()).toContain('Post number 25000');
  }, 120_000);

  it("Satchel's sync: one listing of 50,000 ids, then batches of 100 by id with the rest as the cursor, the event loop free", async () => {
    const answers: Answer[] = [];
    // `satchel` is read only when the cache asks for an iq caller, after createSatchel returned.
    const satchel: Awaited<ReturnType<typeof createSatchel>> = await createSatchel(
      prosody,
      reader,
      await openTestDb(),
      { iq: () => recording(() => satchel.live.iqCaller, answers) },
    );
    const key = { account: reader.jid, service: prosody.pubsubService, node: NODE };
    const delay = monitorEventLoopDelay({ resolution: 10 });
    try {
      delay.enable();
      const started = performance.now();
      await satchel.cache.follow(reader.jid, { service: prosody.pubsubService, node: NODE });
      await expect
        .poll(async () => (await satchel.nodes.get(key))?.syncProgress?.done ?? 0, {
          timeout: 90_000,
          interval: 100,
        })
        .toBeGreaterThanOrEqual(200);
      const elapsed = performance.now() - started;
      delay.disable();
      const record = (await satchel.nodes.get(key))!;
      const listing = answers.filter((a) => a.kind === 'listing');
      const fetches = answers.filter((a) => a.kind === 'fetch by id');
      console.log(
        `${(await satchel.nodes.get(key))?.syncProgress?.done} stored in ${Math.round(elapsed)} ms; listing ${listing[0]?.chars} chars in ${Math.round(listing[0]?.ms ?? 0)} ms; ` +
          `fetches ${fetches.length}, largest ${Math.max(...fetches.map((a) => a.chars))} chars, ` +
          `slowest ${Math.round(Math.max(...fetches.map((a) => a.ms)))} ms; ` +
          `event loop delay max ${Math.round(delay.max / 1e6)} ms, p99 ${Math.round(delay.percentile(99) / 1e6)} ms`,
      );
      // Prosody 0.12 has no RSM on items (platform-facts.md): one disco#items answer lists all.
      expect(listing).toHaveLength(1);
      expect(listing[0]!.ids).toBe(COUNT);
      // Then batches of 100 (SYNC_BATCH), never the whole node in one answer.
      expect(fetches.length).toBeGreaterThanOrEqual(2);
      expect(fetches.every((a) => a.ids === 100)).toBe(true);
      expect(record.syncProgress).toMatchObject({ total: COUNT });
      const done = record.syncProgress!.done;
      // The newest first: what a reader opens first is stored first.
      expect(
        await satchel.items.getItems(reader.jid, key.service, NODE, [scaleItemId(COUNT - 1)]),
      ).toHaveLength(1);
      expect(await satchel.items.countItems(reader.jid, key.service, NODE)).toBeGreaterThanOrEqual(
        done,
      );
      // The cursor holds exactly what is left (a stopped worker resumes there).
      expect(record.syncCursor?.pendingIds).toHaveLength(COUNT - done);
      expect(record.syncCursor?.pendingIds?.[0]).toBe(scaleItemId(COUNT - 1 - done));
      // The worker's own thread stays free: parsing the 50,000-id answer included.
      expect(delay.max / 1e6).toBeLessThan(2_000);
    } finally {
      delay.disable();
      await satchel.disconnect();
    }
  }, 150_000);
});
