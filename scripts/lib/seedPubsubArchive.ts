import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Element } from '@xmpp/xml';
import type { ProsodyServer } from './prosody';

export interface ArchiveSeed {
  /** A node that exists (created through XEP-0060 with `pubsub#max_items` at least the count,
   * and the server's `pubsub_max_items` too: Prosody reads at most that many). */
  node: string;
  /** Seeds items `from` … `count - 1`; default 0. Prosody creates its archive table with the
   * node's first item: publish item 0 through XEP-0060 and seed from 1. */
  from?: number;
  count: number;
  /** Item `i`'s id and payload; item count-1 is the newest. */
  item(i: number): { id: string; payload: Element };
  /** Who published (`with` in the archive); default the service itself. */
  publisher?: string;
  /** An item already published to this node (and to no other) through XEP-0060: the store name
   * is read from its row, so a node name with characters Prosody may encode (`/`) is not
   * guessed at. */
  publishedId?: string;
}

/** SQL string literal. */
const sql = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/**
 * Writes items straight into a running Prosody 0.12's SQL archive, as its pubsub stores them
 * (mod_pubsub's archive_itemstore over mod_storage_sql: table `prosodyarchive`, host the
 * service, user empty, store `pubsub_<node>`, key the item id, type `xml`). Prosody reads the
 * items from that table on every request, so what is seeded is served at once, with no restart:
 * 50,000 items take seconds instead of the ~5 ms each a publish costs (platform-facts.md).
 * Needs the `sqlite3` command (Debian package sqlite3; scripts/ensureSystemPackages.sh).
 */
export async function seedPubsubArchive(prosody: ProsodyServer, seed: ArchiveSeed): Promise<void> {
  const database = join(prosody.dataDir, 'prosody.sqlite');
  const storeName =
    seed.publishedId === undefined
      ? `pubsub_${seed.node}`
      : storeOf(database, prosody.pubsubService, seed.publishedId);
  if (seed.publishedId === undefined && !/^[\w.-]+$/u.test(seed.node))
    throw new Error(`seedPubsubArchive: use a plain node name or give publishedId: ${seed.node}`);
  const file = join(prosody.dataDir, `seed-${process.pid}-${Date.now()}.sql`);
  const out = createWriteStream(file);
  const host = sql(prosody.pubsubService);
  const store = sql(storeName);
  const publisher = sql(seed.publisher ?? prosody.pubsubService);
  const start = Math.floor(Date.now() / 1000) - seed.count;
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('.timeout 20000\nBEGIN;\n');
  for (let i = seed.from ?? 0; i < seed.count; i++) {
    const { id, payload } = seed.item(i);
    // sort_id (autoincrement) is the archive's order: Prosody lists the newest (highest) first.
    await write(
      `INSERT INTO prosodyarchive (host, user, store, key, "when", "with", type, value) VALUES (${host}, '', ${store}, ${sql(id)}, ${start + i}, ${publisher}, 'xml', ${sql(payload.toString())});\n`,
    );
  }
  await write('COMMIT;\n');
  out.end();
  await once(out, 'finish');
  try {
    const child = spawn('sqlite3', [database, `.read ${file}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0) {
      const hint = /no such table/u.test(stderr)
        ? ' (publish the first item through XEP-0060: Prosody creates its table then)'
        : '';
      throw new Error(`sqlite3 exited ${code}${hint}: ${stderr.trim().slice(0, 500)}`);
    }
  } finally {
    rmSync(file, { force: true });
  }
}

/** The archive store holding item `id` on `host`: exactly one, or the seed would go astray. */
function storeOf(database: string, host: string, id: string): string {
  const query = `SELECT DISTINCT store FROM prosodyarchive WHERE host = ${sql(host)} AND key = ${sql(id)} AND store LIKE 'pubsub\\_%' ESCAPE '\\';`;
  const result = spawnSync('sqlite3', [database, query], { encoding: 'utf8', timeout: 20_000 });
  const stores = result.stdout.split('\n').filter(Boolean);
  if (result.status !== 0 || stores.length !== 1)
    throw new Error(
      `seedPubsubArchive: item ${id} is in ${stores.length} stores (${result.stderr.trim()})`,
    );
  return stores[0] ?? '';
}
