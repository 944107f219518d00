/**
 * Which required word a multi-word walk should follow (searchItems.ts). A walk's cost is the
 * docs it reads per match, so the best word is the one whose docs most often match the whole
 * query: the first few docs of each word, in the walk's own order, say it. In the bench,
 * "offline zephyr" (a word on most posts and one on 1 in 100): "zephyr"'s docs nearly all hold
 * "offline", "offline"'s almost never "zephyr". Sampling reads SAMPLE_DOCS docs a word; proving
 * which word is rarer by counting (rarestTerm.ts) reads over twice the rare word's entries,
 * 3,000 keys at 100,000 posts. When no sample matches (rare words that seldom meet), the count
 * decides.
 */
import type { QueryTerm } from '../../search/parseSearchText';
import type { SearchQuery } from '../../shared/searchQuery';
import { rarestTerm } from './rarestTerm';
import { readSourceKeys } from './readSourceKeys';
import { CANDIDATE_LIMIT } from './searchCandidates';
import type { CompiledSearch } from './searchPredicates';
import { termSource } from './searchSources';
import type { DocKey, SatchelDb, SearchDoc } from '../SatchelDb';

/** Docs read per word: 8 to 10 ms a word in Chromium here. */
export const SAMPLE_DOCS = 8;
/** Keys read per word to find SAMPLE_DOCS in the search's nodes (words span the account). */
const SAMPLE_KEYS = 64;

async function firstDocs(db: SatchelDb, q: SearchQuery, term: QueryTerm, compiled: CompiledSearch) {
  const keys: DocKey[] = [];
  // The walk's order (searchDriver.ts): desc reads a word's entries forward, best first.
  for (const r of termSource(q.account, term, true, q.direction !== 'desc').ranges) {
    const found = await readSourceKeys(db, r, SAMPLE_KEYS);
    keys.push(...found.filter((key) => compiled.keyMatches(key)));
    if (keys.length >= SAMPLE_DOCS) break;
  }
  const docs = await db.searchDocs.bulkGet(keys.slice(0, SAMPLE_DOCS));
  return docs.filter((doc): doc is SearchDoc => doc !== undefined);
}

/** The word to follow, or the query's few candidates when counting found them all. */
export type WalkChoice = { term: QueryTerm | undefined } | { candidates: Map<string, DocKey> };

export async function bestWalkTerm(
  db: SatchelDb,
  q: SearchQuery,
  compiled: CompiledSearch,
): Promise<WalkChoice> {
  const terms = compiled.required;
  if (terms.length < 2) return { term: terms[0] };
  let best: QueryTerm | undefined;
  let bestRate = 0;
  for (const term of terms) {
    const docs = await firstDocs(db, q, term, compiled);
    const rate =
      docs.length === 0 ? 0 : docs.filter((doc) => compiled.rowMatches(doc)).length / docs.length;
    if (rate > bestRate) {
      best = term;
      bestRate = rate;
    }
  }
  if (best) return { term: best };
  const rarest = await rarestTerm(db, q.account, terms);
  // The count read every doc of the rarer word: if few are in the search's nodes (a small node
  // in a big cache), they are the candidates, and walking that word again would re-read them.
  const inScope = [...(rarest?.keys ?? [])].filter(([, key]) => compiled.keyMatches(key));
  if (rarest?.keys && inScope.length <= CANDIDATE_LIMIT) return { candidates: new Map(inScope) };
  return { term: rarest?.term };
}
