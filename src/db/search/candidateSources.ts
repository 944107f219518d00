/**
 * The indexes that can list a search's candidates (searchItems.ts probes each for a few keys;
 * countSearch.ts reads them whole): its words, its positive field conditions in few enough
 * nodes, pinned, its time bounds, and a narrowed scope's nodes themselves.
 */
import type { SearchQuery } from '../../shared/searchQuery';
import type { CompiledSearch } from './searchPredicates';
import type { SearchScope } from './searchScope';
import {
  facetSource,
  nodesSource,
  pinnedSource,
  termSource,
  timeSource,
  type Source,
} from './searchSources';

/** Per-node indexes are probed only for this many nodes; more are checked on rows instead. */
const MAX_NODE_RANGES = 16;

export function candidateSources(
  q: SearchQuery,
  compiled: CompiledSearch,
  scope: SearchScope,
): Source[] {
  const sources: Source[] = compiled.required.map((term) => termSource(q.account, term, false));
  const nums = scope.nodes.map((n) => n.num);
  const single = scope.narrowed && nums.length === 1 ? nums[0] : undefined;
  if (nums.length > 0 && nums.length <= MAX_NODE_RANGES) {
    for (const c of q.conditions ?? []) {
      const source = facetSource(nums, c);
      if (source) sources.push(source);
    }
  }
  if (q.pinned === true) sources.push(pinnedSource(q.account));
  if (q.created) sources.push(timeSource(q.account, 'created', q.created, single, false));
  if (q.updated) sources.push(timeSource(q.account, 'updated', q.updated, single, false));
  // A small node is itself a short list of candidates (comment nodes, a fresh feed).
  if (scope.narrowed && nums.length <= MAX_NODE_RANGES) sources.push(nodesSource(nums));
  return sources;
}
