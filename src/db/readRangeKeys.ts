/**
 * The one reader of primary keys over an index range (IndexedDB getAllKeys through Dexie): no
 * row is loaded. Field conditions, search probes, counts, samples and ordered walks all read
 * keys this way; a walk resumes by narrowing the bounds (src/db/search/readOrdered.ts).
 */
import type { IndexableType, Table } from 'dexie';

export interface KeyRange {
  index: string;
  lower: IndexableType;
  upper: IndexableType;
  /** Bounds are included unless open. */
  lowerOpen?: boolean;
  upperOpen?: boolean;
  /** Read from the upper bound down. */
  reverse?: boolean;
}

export async function readRangeKeys<T, K>(
  table: Table<T, K>,
  r: KeyRange,
  limit?: number,
): Promise<K[]> {
  const range = table
    .where(r.index)
    .between(r.lower, r.upper, r.lowerOpen !== true, r.upperOpen !== true);
  const ordered = r.reverse === true ? range.reverse() : range;
  return (limit === undefined ? ordered : ordered.limit(limit)).primaryKeys();
}
