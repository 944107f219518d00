/**
 * Search over every cached item of an account (issue 7; docs/search.md for the plan and its
 * trade-offs). Each index that can list candidates is probed for at most CANDIDATE_LIMIT keys:
 * if one lists that few, its items are checked, scored and sorted exactly (candidates plan);
 * otherwise one ordered index is walked until the page is full (walk plan). Either way only
 * keys are read in bulk, and rows for few items: no query scores every match in memory.
 */
import type { SearchPage, SearchQuery } from '../../shared/searchQuery';
import { candidatesPlan, probe } from './searchCandidates';
import { compileSearch } from './searchPredicates';
import { resolveSearchScope } from './searchScope';
import { candidateSources } from './candidateSources';
import { chooseDriver } from './searchDriver';
import { bestWalkTerm } from './bestWalkTerm';
import { walkPlan } from './searchWalk';
import { withImpliedTimeBounds, type TimeFieldsOf } from './impliedTimeBounds';
import type { SatchelDb } from '../SatchelDb';
import { validateSearchQuery } from './validateSearchQuery';

export async function searchItems(
  db: SatchelDb,
  query: SearchQuery,
  timeFieldsOf?: TimeFieldsOf,
): Promise<SearchPage> {
  validateSearchQuery(query);
  // Read-only: the probes, the walk and the page come from one snapshot.
  return db.transaction(
    'r',
    [db.items, db.nodes, db.searchNodes, db.searchDocs, db.postings],
    async () => {
      const scope = await resolveSearchScope(db, query);
      // Same results, fewer reads: conditions on time fields also bound created/updated.
      const q = await withImpliedTimeBounds(db, query, scope, timeFieldsOf);
      const compiled = compileSearch(q, scope.nums);
      if (scope.nums.size === 0)
        return {
          items: [],
          total: 0,
          totalExact: true,
          offset: q.offset,
          hasMore: false,
          plan: 'candidates',
        };
      const driver = chooseDriver(q, compiled, scope);
      // The driver's order is the result's and every doc it lists matches: read the page.
      if (driver.impliesMatch) return walkPlan(db, q, compiled, scope, driver);
      const probes = await Promise.all(
        candidateSources(q, compiled, scope).map((s) => probe(db, s)),
      );
      const complete = probes.flatMap((p) => (p.keys ? [p.keys] : []));
      if (complete.length > 0) return candidatesPlan(db, q, compiled, scope, complete);
      // Several words, none rare enough for the candidates plan: follow the one whose docs
      // match most often.
      if (q.orderBy === 'relevance' && compiled.required.length > 1) {
        const choice = await bestWalkTerm(db, q, compiled);
        if ('candidates' in choice)
          return candidatesPlan(db, q, compiled, scope, [choice.candidates]);
        return walkPlan(db, q, compiled, scope, chooseDriver(q, compiled, scope, choice.term));
      }
      return walkPlan(db, q, compiled, scope, driver);
    },
  );
}
