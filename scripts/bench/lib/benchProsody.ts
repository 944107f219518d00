import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProsody, type ProsodyServer } from '../../lib/prosody';
import { connectPeer, type PublishItem, type XmppPeer } from '../../lib/xmppPeer';
import { BENCH_ITEMS_VERSION, benchEntry, benchItemId, type BenchItemOptions } from './benchItems';
import { discoItemIds } from './discoItemIds';

/** What was seeded into `.bench/prosody`, so later runs reuse it (bump `version` to reseed). */
export interface SeedMarker {
  version: number;
  itemsVersion: number;
  service: string;
  node: string;
  count: number;
  items: Omit<BenchItemOptions, 'count'>;
  publisher: { jid: string; password: string };
  reader: { jid: string; password: string };
  seededAt: string;
  seedMs: number;
}

export interface BenchProsody {
  server: ProsodyServer;
  seed: SeedMarker;
  /** Logged in as the publisher (it publishes the live posts). */
  publisher: XmppPeer;
  /** The node's ids as the service lists them, in its order. */
  ids: string[];
  /** True when this run seeded (a fresh data directory). */
  seededNow: boolean;
  /** Restarts Prosody on its ports (every session and XEP-0198 resumption state is lost) and
   * logs the publisher in again. */
  restart(): Promise<void>;
}

const MARKER = 'bench-seed.json';
const MARKER_VERSION = 1;
export const SEED_COUNT = 10_000;
const NODE = 'satchel-bench/microblog-10000';
const CHUNK = 500;

function nodeConfig(): Record<string, string> {
  return {
    'pubsub#title': 'Satchel benchmark microblog (10,000 posts)',
    // Room for the seeded posts and the live ones (Prosody drops the oldest silently beyond).
    'pubsub#max_items': '20000',
    'pubsub#persist_items': '1',
    'pubsub#access_model': 'open',
  };
}

function readMarker(dataDir: string): SeedMarker | undefined {
  const path = join(dataDir, MARKER);
  if (!existsSync(path)) return undefined;
  const marker = JSON.parse(readFileSync(path, 'utf8')) as SeedMarker;
  const current = marker.version === MARKER_VERSION && marker.itemsVersion === BENCH_ITEMS_VERSION;
  return current ? marker : undefined;
}

async function publishRange(peer: XmppPeer, seed: SeedMarker, indexes: number[]): Promise<void> {
  const options = { ...seed.items, count: seed.count };
  for (let start = 0; start < indexes.length; start += CHUNK) {
    const items: PublishItem[] = indexes
      .slice(start, start + CHUNK)
      .map((i) => ({ id: benchItemId(i), payload: benchEntry(i, options) }));
    await peer.publishMany(seed.service, seed.node, items, 8);
    process.stdout.write(
      `\r  published ${Math.min(start + CHUNK, indexes.length)}/${indexes.length}`,
    );
  }
  if (indexes.length > 0) process.stdout.write('\n');
}

/**
 * The bench's Prosody, its data kept in `dataDir` across runs: two accounts and one pubsub node
 * of 10,000 XEP-0277 posts, seeded once (about a minute). Every run checks the node: posts left
 * over from an interrupted live measurement are retracted, missing seeded ones published again.
 */
export async function startBenchProsody(dataDir: string): Promise<BenchProsody> {
  mkdirSync(dataDir, { recursive: true });
  // Prosody serves at most pubsub_max_items of a node: room for the imported 100,000-post node
  // (lib/seedImportedNodes.ts).
  const server = await startProsody({ dataDir, keepData: true, pubsubMaxItems: 110_000 });
  try {
    let seed = readMarker(dataDir);
    const seededNow = seed === undefined;
    if (!seed) {
      seed = {
        version: MARKER_VERSION,
        itemsVersion: BENCH_ITEMS_VERSION,
        service: server.pubsubService,
        node: NODE,
        count: SEED_COUNT,
        items: { endMs: Date.now(), authorJid: `bench-publisher@${server.domain}` },
        publisher: { jid: `bench-publisher@${server.domain}`, password: 'bench-publisher-pw' },
        reader: { jid: `bench-reader@${server.domain}`, password: 'bench-reader-pw' },
        seededAt: '',
        seedMs: 0,
      };
      for (const account of [seed.publisher, seed.reader])
        await server.register(account.jid.split('@')[0]!, account.password);
    }
    const publisher = await connectPeer({ wsUrl: server.wsUrl, ...seed.publisher });
    const started = performance.now();
    if (seededNow) await publisher.createNode(seed.service, seed.node, nodeConfig());
    const listed = seededNow ? [] : await discoItemIds(publisher, seed.service, seed.node);
    const wanted = new Set(Array.from({ length: seed.count }, (_, i) => benchItemId(i)));
    for (const id of listed.filter((id) => !wanted.has(id)))
      await publisher.retract(seed.service, seed.node, id, false);
    const present = new Set(listed);
    const missing = [...Array(seed.count).keys()].filter((i) => !present.has(benchItemId(i)));
    if (missing.length > 0) console.log(`Seeding ${missing.length} posts into ${seed.node}…`);
    await publishRange(publisher, seed, missing);
    if (seededNow) {
      seed.seededAt = new Date().toISOString();
      seed.seedMs = Math.round(performance.now() - started);
      writeFileSync(join(dataDir, MARKER), `${JSON.stringify(seed, null, 2)}\n`);
    }
    const ids = await discoItemIds(publisher, seed.service, seed.node);
    if (ids.length !== seed.count)
      throw new Error(`${seed.node} lists ${ids.length} items, expected ${seed.count}`);
    const marker = seed;
    const bench: BenchProsody = {
      server,
      seed: marker,
      publisher,
      ids,
      seededNow,
      async restart() {
        await bench.publisher.stop();
        await server.restart();
        bench.publisher = await connectPeer({ wsUrl: server.wsUrl, ...marker.publisher });
      },
    };
    return bench;
  } catch (error) {
    await server.stop();
    throw error;
  }
}
