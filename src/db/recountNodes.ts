/**
 * Counts nodes' items and unread items again from the `items` indexes and stores the result in
 * `nodeCounts` (schema v5, nodeCountsSync.ts): after deletes too large or too vague (a key
 * range) to account for row by row. Runs inside the caller's transaction.
 */
import type { DBCoreKeyRange, DBCoreTable, DBCoreTransaction } from 'dexie';
import { writeCounts } from './applyCountDeltas';
import { ANY, EQUAL, nodeKeyOf, RANGE } from './dbCoreHelpers';
import { prefixRange } from './keyRange';
import type { NodeCountRow, NodeKey } from './SatchelDb';

export const COUNTS_TABLE = 'nodeCounts';
const READ_INDEX = ['account', 'service', 'node', 'read'];

export interface CountsTables {
  items: DBCoreTable;
  counts: DBCoreTable;
}

export async function recountNodes(
  { items, counts }: CountsTables,
  trans: DBCoreTransaction,
  nodes: readonly NodeKey[],
): Promise<void> {
  const readIndex = items.schema.getIndexByKeyPath(READ_INDEX);
  if (!readIndex) throw new Error('items has no [account+service+node+read] index');
  const rows: NodeCountRow[] = [];
  for (const key of nodes) {
    const [lower, upper] = prefixRange(key, 1);
    const [itemCount, unread] = await Promise.all([
      items.count({
        trans,
        query: { index: items.schema.primaryKey, range: { type: RANGE, lower, upper } },
      }),
      items.count({
        trans,
        query: { index: readIndex, range: { type: EQUAL, lower: [...key, 0], upper: [...key, 0] } },
      }),
    ]);
    rows.push({ account: key[0], service: key[1], node: key[2], items: itemCount, unread });
  }
  await writeCounts(counts, trans, rows);
}

/** The counted nodes an item key range can touch: those between its ends' node parts, or all. */
export async function countedNodesIn(
  { counts }: CountsTables,
  trans: DBCoreTransaction,
  range: DBCoreKeyRange,
): Promise<NodeKey[]> {
  const low = nodeKeyOf(range.lower);
  const high = nodeKeyOf(range.upper);
  if (range.type === EQUAL && low) return [low];
  const bounded = range.type !== ANY && low !== undefined && high !== undefined;
  const { result } = await counts.query({
    trans,
    values: true,
    query: {
      index: counts.schema.primaryKey,
      range: bounded
        ? { type: RANGE, lower: low, upper: high }
        : { type: ANY, lower: undefined, upper: undefined },
    },
  });
  return (result as NodeCountRow[]).map((row) => [row.account, row.service, row.node]);
}
