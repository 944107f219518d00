/**
 * The candidates plan of searchItems: when some index lists few items for the query (at most
 * CANDIDATE_LIMIT), those items are all the candidates. They are loaded, checked against the
 * whole query, scored and sorted in memory: an exact total and an exact relevance order.
 */
import type { SearchPage, SearchQuery } from '../shared/searchQuery';
import { toItemRecord } from './itemRows';
import type { CompiledSearch } from './searchPredicates';
import type { Source } from './searchSources';
import type { ItemKey, SatchelDb, StoredItem } from './SatchelDb';

/** An index listing at most this many items makes them the candidates, when rows must be
 * checked anyway. Each candidate is one row read (0.3 to 1 ms each in Chromium here, rows of
 * 5 to 10 KB); a probe reads this many keys of each index (1 to 3 ms). */
export const CANDIDATE_LIMIT = 60;

export const keyString = (k: ItemKey): string => `${k[0]}\u0000${k[1]}\u0000${k[2]}\u0000${k[3]}`;

export interface Probe {
  source: Source;
  /** Every item the source lists, when there are at most `limit`; undefined when more. */
  keys: Map<string, ItemKey> | undefined;
}

/** Reads up to limit + 1 keys of a source's ranges: all of them, or the news that there are more. */
export async function probe(
  db: SatchelDb,
  source: Source,
  limit = CANDIDATE_LIMIT,
): Promise<Probe> {
  const keys = new Map<string, ItemKey>();
  for (const r of source.ranges) {
    const found = await db.items
      .where(r.index)
      .between(r.lower, r.upper, true, true)
      .limit(limit + 1 - keys.size)
      .primaryKeys();
    for (const key of found) keys.set(keyString(key), key);
    if (keys.size > limit) return { source, keys: undefined };
  }
  return { source, keys };
}

export function toPageItem(row: StoredItem, compiled: CompiledSearch, q: SearchQuery) {
  const record = toItemRecord(row);
  return q.orderBy === 'relevance' && compiled.required.length > 0
    ? { ...record, score: compiled.score(row) }
    : record;
}

export async function candidatesPlan(
  db: SatchelDb,
  q: SearchQuery,
  compiled: CompiledSearch,
  complete: ReadonlyArray<Map<string, ItemKey>>,
): Promise<SearchPage> {
  const [smallest, ...others] = [...complete].sort((a, b) => a.size - b.size);
  const keys = [...(smallest?.entries() ?? [])]
    .filter(([id, key]) => compiled.keyMatches(key) && others.every((set) => set.has(id)))
    .map(([, key]) => key);
  const rows = keys.length === 0 ? [] : await db.items.bulkGet(keys);
  const matches = rows
    .filter((row): row is StoredItem => row !== undefined && compiled.rowMatches(row))
    .sort(compiled.compare);
  const page = matches.slice(q.offset, q.offset + q.max);
  return {
    items: page.map((row) => toPageItem(row, compiled, q)),
    total: matches.length,
    totalExact: true,
    offset: q.offset,
    hasMore: q.offset + q.max < matches.length,
    plan: 'candidates',
  };
}
