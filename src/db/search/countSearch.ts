/**
 * The exact number of items a search matches, for when searchItems could only give a lower
 * bound (docs/search.md). Not bounded like a page: it reads every key of each index that lists
 * candidates and intersects them, and reads rows only for conditions no index answers. The
 * page asks for it after showing the first results.
 */
import { SatchelError } from '../../shared/SatchelError';
import type { SearchQuery } from '../../shared/searchQuery';
import { ALL_FIELDS } from '../../search/searchTermKeys';
import { docKeyString } from './searchPageItems';
import { chooseDriver } from './searchDriver';
import { candidateSources } from './candidateSources';
import { intersectKeys } from './intersectKeys';
import { isIndexedPositive } from '../query';
import { readSourceKeys } from './readSourceKeys';
import { compileSearch, type CompiledSearch } from './searchPredicates';
import { resolveSearchScope } from './searchScope';
import type { Source } from './searchSources';
import type { DocKey, SatchelDb } from '../SatchelDb';
import { validateSearchQuery } from './validateSearchQuery';

const MAX_ROWS_CHECKED = 200_000;
const ROW_CHUNK = 500;

async function allKeys(db: SatchelDb, source: Source): Promise<Map<string, DocKey>> {
  const keys = new Map<string, DocKey>();
  for (const r of source.ranges) {
    for (const key of await readSourceKeys(db, { ...r, reverse: false }))
      keys.set(docKeyString(key), key);
  }
  return keys;
}

/** Whether the candidate sources alone decide every condition of the query. */
function sourcesDecide(q: SearchQuery, compiled: CompiledSearch, facetsListed: boolean): boolean {
  const conditions = q.conditions ?? [];
  const positive = conditions.every((c) => isIndexedPositive(c.op));
  return (
    compiled.excluded.length === 0 &&
    compiled.required.every((t) => t.fields === ALL_FIELDS) &&
    (conditions.length === 0 || (positive && facetsListed)) &&
    q.pinned !== false &&
    q.orderBy !== 'field'
  );
}

export async function countSearch(db: SatchelDb, q: SearchQuery): Promise<number> {
  validateSearchQuery(q);
  return db.transaction('r', [db.nodes, db.searchNodes, db.searchDocs, db.postings], async () => {
    const scope = await resolveSearchScope(db, q);
    if (scope.nums.size === 0) return 0;
    const compiled = compileSearch(q, scope.nums);
    const driver = chooseDriver(q, compiled, scope);
    // The node filter is checked on each key: listing a whole node would only cost time.
    const sources = candidateSources(q, compiled, scope).filter((s) => s.name !== 'nodes');
    const facetsListed = sources.some((s) => s.name.startsWith('field '));
    const lists: Array<Map<string, DocKey>> = [];
    for (const source of sources.length > 0 ? sources : [driver.source])
      lists.push(await allKeys(db, source));
    const keys = intersectKeys(lists, compiled.keyMatches);
    if (driver.impliesMatch || sourcesDecide(q, compiled, facetsListed)) return keys.length;
    if (keys.length > MAX_ROWS_CHECKED)
      throw new SatchelError('timeout', 'too many items to count: add words or filters');
    let count = 0;
    for (let at = 0; at < keys.length; at += ROW_CHUNK) {
      const rows = await db.searchDocs.bulkGet(keys.slice(at, at + ROW_CHUNK));
      for (const row of rows) if (row !== undefined && compiled.rowMatches(row)) count += 1;
    }
    return count;
  });
}
