import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedPubsubArchive } from '../../lib/seedPubsubArchive';
import type { BenchProsody } from './benchProsody';
import { benchEntry, benchItemId, type BenchItemOptions } from './benchItems';
import { TEMPLATE_STEP_MS, type TemplateMarker } from './cacheTemplate';

const MARKER = 'imported-seed.json';

/** What the bench page imported `node`'s items with (page/importItems.ts, cacheTemplate.ts). */
const importedItemOptions = (
  node: TemplateMarker['nodes'][number],
  authorJid: string,
): BenchItemOptions => ({
  count: node.size,
  endMs: node.endMs,
  stepMs: TEMPLATE_STEP_MS,
  authorJid,
  seed: node.size,
});

/**
 * The imported nodes on the bench's Prosody too. Since coming back is exact (issue 14), a new
 * session catches every synced node up against its service, and a node the service does not
 * have is deleted from the cache (XEP-0060 §8.4 item-not-found): the profile's 1,000- and
 * 100,000-post nodes vanished within a minute of a run's sign-in, and search ran on empty
 * nodes. So they are written into Prosody's SQL archive item for item as the profile holds them
 * (seconds, where publishing 100,000 would take long), once per template: a marker in
 * Prosody's data directory names the template they match.
 */
export async function seedImportedNodes(
  prosody: BenchProsody,
  template: TemplateMarker,
  log: (message: string) => void,
): Promise<void> {
  const path = join(prosody.server.dataDir, MARKER);
  const wanted = JSON.stringify({ createdAt: template.createdAt, nodes: template.nodes });
  if (existsSync(path) && readFileSync(path, 'utf8') === wanted) return;
  const { publisher, seed } = prosody;
  for (const node of template.nodes) {
    log(`Seeding ${node.size.toLocaleString('en')} posts into ${node.node} on Prosody…`);
    const started = performance.now();
    await publisher.deleteNode(template.service, node.node).catch(() => undefined);
    await publisher.createNode(template.service, node.node, {
      'pubsub#max_items': String(node.size + 1_000),
    });
    const options = importedItemOptions(node, seed.publisher.jid);
    // A probe through XEP-0060 first: Prosody creates the node's archive table then, and its
    // row names the store. The bench's ids are in the 10,000-post node too, so it has its own.
    const probe = `seed-probe-${process.pid}`;
    await publisher.publish(template.service, node.node, probe, benchEntry(0, options));
    await seedPubsubArchive(prosody.server, {
      node: node.node,
      count: node.size,
      item: (i) => ({ id: benchItemId(i), payload: benchEntry(i, options) }),
      publisher: seed.publisher.jid,
      publishedId: probe,
    });
    await publisher.retract(template.service, node.node, probe, false);
    log(`  done in ${Math.round(performance.now() - started)} ms`);
  }
  writeFileSync(path, wanted);
}
