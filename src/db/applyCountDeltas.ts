/**
 * Adds per-node differences to `nodeCounts` rows (schema v5, nodeCountsSync.ts) inside the
 * caller's transaction. A node left with no item loses its row: no row means zero.
 */
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import type { NodeCountRow, NodeKey } from './SatchelDb';

export interface CountDelta {
  node: NodeKey;
  items: number;
  unread: number;
}

/** Deltas by JSON of the node key. */
export type CountDeltas = Map<string, CountDelta>;

export function addCountDelta(
  deltas: CountDeltas,
  node: NodeKey,
  change: { items: number; unread: number },
): void {
  const id = JSON.stringify(node);
  const delta = deltas.get(id) ?? { node, items: 0, unread: 0 };
  delta.items += change.items;
  delta.unread += change.unread;
  deltas.set(id, delta);
}

export async function applyCountDeltas(
  counts: DBCoreTable,
  trans: DBCoreTransaction,
  deltas: CountDeltas,
): Promise<void> {
  const changed = [...deltas.values()].filter((d) => d.items !== 0 || d.unread !== 0);
  if (changed.length === 0) return;
  const rows = (await counts.getMany({ trans, keys: changed.map((d) => d.node) })) as Array<
    NodeCountRow | undefined
  >;
  const updated = changed.map(({ node: [account, service, node], items, unread }, i) => ({
    account,
    service,
    node,
    items: (rows[i]?.items ?? 0) + items,
    unread: (rows[i]?.unread ?? 0) + unread,
  }));
  await writeCounts(counts, trans, updated);
}

/** Puts the rows that count items and deletes those that count none. */
export async function writeCounts(
  counts: DBCoreTable,
  trans: DBCoreTransaction,
  rows: readonly NodeCountRow[],
): Promise<void> {
  const keep = rows.filter((row) => row.items > 0);
  const drop = rows.filter((row) => row.items <= 0).map((r) => [r.account, r.service, r.node]);
  if (keep.length > 0) await counts.mutate({ type: 'put', trans, values: keep });
  if (drop.length > 0) await counts.mutate({ type: 'delete', trans, keys: drop });
}
