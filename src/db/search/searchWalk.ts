/**
 * The walk plan of searchItems: no index lists few enough candidates, so the items are read in
 * the result's own order from one index of `searchDocs` (the driver: a word's entries
 * best-first, or a time index newest-first), checked, and the walk stops as soon as the page and
 * one more match are found. Docs are read only when the driver alone cannot tell a match. The total is then a lower
 * bound (`totalExact: false`) unless the walk reached the driver's end. See docs/search.md.
 */
import { SatchelError } from '../../shared/SatchelError';
import type { SearchPage, SearchQuery } from '../../shared/searchQuery';
import { readOrdered } from './readOrdered';
import type { Driver } from './searchDriver';
import { docKeyString, pageItems } from './searchPageItems';
import type { CompiledSearch } from './searchPredicates';
import type { SearchScope } from './searchScope';
import type { DocKey, SatchelDb, SearchDoc } from '../SatchelDb';

/** A walk that has checked this many rows without filling its page gives up: the query is too
 * broad in its index and too narrow in its conditions; the user is told to narrow it. */
export const MAX_ROWS_EXAMINED = 50_000;
const MAX_CHUNK = 2_048;
/** A walk that reads keys only starts with this many: one request that, for a driver listing
 * fewer, reaches its end and so gives the exact total (keys only: about 5 ms in Chromium here). */
export const KEYS_FIRST_CHUNK = 300;

export async function walkPlan(
  db: SatchelDb,
  q: SearchQuery,
  compiled: CompiledSearch,
  scope: SearchScope,
  driver: Driver,
): Promise<SearchPage> {
  const wanted = q.offset + q.max + 1;
  const matched: DocKey[] = [];
  const seen = new Set<string>();
  const rows = new Map<string, SearchDoc>();
  let examined = 0;
  /** Keys read but not checked once the page was full: they make the total a lower bound. */
  let unchecked = false;

  const onChunk = async (keys: DocKey[]): Promise<boolean> => {
    const fresh = keys.filter((key) => {
      const id = docKeyString(key);
      if (seen.has(id)) return false;
      seen.add(id);
      return compiled.keyMatches(key);
    });
    if (driver.impliesMatch) {
      matched.push(...fresh);
      return matched.length >= wanted;
    }
    if (matched.length >= wanted) {
      unchecked ||= fresh.length > 0;
      return true;
    }
    // Rows are read in slices sized by the share of matches seen so far, so a dense match
    // reads about the page and a sparse one does not take hundreds of round trips.
    for (let at = 0; at < fresh.length && matched.length < wanted;) {
      const rate = examined === 0 ? 1 : Math.max(0.02, (matched.length + 1) / examined);
      const size = Math.min(1_024, Math.max(8, Math.ceil((wanted - matched.length) / rate) + 2));
      const slice = fresh.slice(at, at + size);
      at += slice.length;
      examined += slice.length;
      if (examined > MAX_ROWS_EXAMINED)
        throw new SatchelError(
          'timeout',
          'the search examined too many items: add words or filters',
        );
      for (const doc of await db.searchDocs.bulkGet(slice)) {
        if (doc === undefined || !compiled.rowMatches(doc)) continue;
        const key: DocKey = [doc.node, doc.item];
        rows.set(docKeyString(key), doc);
        matched.push(key);
      }
      if (matched.length >= wanted && at < fresh.length) unchecked = true;
    }
    return matched.length >= wanted;
  };
  const rowOf = async (key: DocKey) =>
    rows.get(docKeyString(key)) ?? (await db.searchDocs.get(key));

  let exhausted = true;
  for (const range of driver.source.ranges) {
    // A full page with docs still to check in later ranges: those stay unchecked.
    if (!driver.impliesMatch && matched.length >= wanted) {
      exhausted = false;
      break;
    }
    const needed = (wanted - matched.length) * 2;
    const firstChunk = Math.min(
      MAX_CHUNK,
      Math.max(driver.impliesMatch ? KEYS_FIRST_CHUNK : 32, needed),
    );
    const status = await readOrdered(db, range, {
      firstChunk,
      maxChunk: MAX_CHUNK,
      rowOf,
      onChunk,
    });
    if (!status.exhausted) {
      exhausted = false;
      break;
    }
  }
  exhausted &&= !unchecked;

  const pageKeys = matched.slice(q.offset, q.offset + q.max);
  return {
    items: await pageItems(db, q, compiled, scope, pageKeys, rows),
    total: matched.length,
    totalExact: exhausted,
    offset: q.offset,
    hasMore: matched.length > q.offset + q.max,
    plan: 'walk',
  };
}
