/**
 * Per-node figures for the management page (issue 7): item and pin counts from index keys,
 * and the items' size (ItemRecord.size, an estimate itself): summed exactly for small nodes,
 * extrapolated from the newest and oldest items of large ones, so a 100,000-item node costs
 * 100 rows, not 100,000.
 */
import { pinnedIds } from './applyRetention';
import { maxKeyPart, MIN_KEY_PART, prefixRange } from './keyRange';
import type { NodeAddress, SatchelDb, StoredItem } from './SatchelDb';

/** Nodes with more items than this are sampled. */
export const EXACT_SIZE_LIMIT = 100;
const SAMPLE_EACH_END = 50;

export interface NodeItemStats {
  itemCount: number;
  pinnedCount: number;
  bytes: number;
  bytesExact: boolean;
}

const sizeOf = (rows: ReadonlyArray<StoredItem>): number =>
  rows.reduce((sum, row) => sum + (Number.isFinite(row.size) ? row.size : 0), 0);

export async function nodeStats(db: SatchelDb, at: NodeAddress): Promise<NodeItemStats> {
  const { account, service, node } = at;
  return db.transaction('r', [db.items, db.searchNodes, db.searchDocs], async () => {
    const [lower, upper] = prefixRange([account, service, node], 1);
    const all = db.items.where('[account+service+node+itemId]').between(lower, upper, true, true);
    const [itemCount, pinnedCount] = await Promise.all([
      all.count(),
      pinnedIds(db, at).then((ids) => ids.size),
    ]);
    if (itemCount <= EXACT_SIZE_LIMIT) {
      return { itemCount, pinnedCount, bytes: sizeOf(await all.toArray()), bytesExact: true };
    }
    const byCreated = () =>
      db.items
        .where('[account+service+node+created]')
        .between(
          [account, service, node, MIN_KEY_PART],
          [account, service, node, maxKeyPart()],
          true,
          true,
        );
    const [oldest, newest] = await Promise.all([
      byCreated().limit(SAMPLE_EACH_END).toArray(),
      byCreated().reverse().limit(SAMPLE_EACH_END).toArray(),
    ]);
    const sample = [...oldest, ...newest];
    const bytes = Math.round((sizeOf(sample) / sample.length) * itemCount);
    return { itemCount, pinnedCount, bytes, bytesExact: false };
  });
}
