/**
 * The candidates plan of searchItems: when some index lists few docs for the query (at most
 * CANDIDATE_LIMIT), those are all the candidates. They are read, checked against the whole
 * query, scored and sorted in memory: an exact total and an exact relevance order.
 */
import type { SearchPage, SearchQuery } from '../../shared/searchQuery';
import { intersectKeys } from './intersectKeys';
import { readSourceKeys } from './readSourceKeys';
import { docKeyString, pageItems } from './searchPageItems';
import type { CompiledSearch } from './searchPredicates';
import type { SearchScope } from './searchScope';
import type { Source } from './searchSources';
import type { DocKey, SatchelDb, SearchDoc } from '../SatchelDb';

/** An index listing at most this many docs makes them the candidates, when docs must be read
 * anyway. A probe reads this many keys of each index (1 to 3 ms in Chromium here). */
export const CANDIDATE_LIMIT = 60;

export interface Probe {
  source: Source;
  /** Every doc the source lists, when there are at most `limit`; undefined when more. */
  keys: Map<string, DocKey> | undefined;
}

/** Reads up to limit + 1 keys of a source's ranges: all of them, or the news that there are more. */
export async function probe(
  db: SatchelDb,
  source: Source,
  limit = CANDIDATE_LIMIT,
): Promise<Probe> {
  const keys = new Map<string, DocKey>();
  for (const r of source.ranges) {
    const found = await readSourceKeys(db, { ...r, reverse: false }, limit + 1 - keys.size);
    for (const key of found) keys.set(docKeyString(key), key);
    if (keys.size > limit) return { source, keys: undefined };
  }
  return { source, keys };
}

export async function candidatesPlan(
  db: SatchelDb,
  q: SearchQuery,
  compiled: CompiledSearch,
  scope: SearchScope,
  complete: ReadonlyArray<Map<string, DocKey>>,
): Promise<SearchPage> {
  const keys = intersectKeys(complete, compiled.keyMatches);
  const docs = keys.length === 0 ? [] : await db.searchDocs.bulkGet(keys);
  const matches = docs
    .filter((doc): doc is SearchDoc => doc !== undefined && compiled.rowMatches(doc))
    .sort(compiled.compare);
  const page = matches.slice(q.offset, q.offset + q.max);
  const byKey = new Map(page.map((doc) => [docKeyString([doc.node, doc.item]), doc]));
  return {
    items: await pageItems(
      db,
      q,
      compiled,
      scope,
      page.map((d): DocKey => [d.node, d.item]),
      byKey,
    ),
    total: matches.length,
    totalExact: true,
    offset: q.offset,
    hasMore: q.offset + q.max < matches.length,
    plan: 'candidates',
  };
}
