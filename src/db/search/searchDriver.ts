/**
 * Which ordered index a walk of searchItems reads (docs/search.md): the word a relevance
 * search needs (its entries are best-first), a parsed field's own index for orderBy 'field' or
 * for `field == value` in one node (newest first), else the time index. `impliesMatch` when
 * every doc it lists matches, so no doc is read, and item rows for the page only.
 */
import type { QueryTerm } from '../../search/parseSearchText';
import { ALL_FIELDS } from '../../search/searchTermKeys';
import type { SearchQuery } from '../../shared/searchQuery';
import { equalityValue } from '../query';
import type { CompiledSearch } from './searchPredicates';
import type { SearchScope } from './searchScope';
import {
  facetTimeSource,
  fieldOrderSource,
  termSource,
  timeSource,
  type Source,
} from './searchSources';

export interface Driver {
  source: Source;
  impliesMatch: boolean;
}

/** `rarest`: the required word a walk should follow (bestWalkTerm.ts), when known. */
export function chooseDriver(
  q: SearchQuery,
  compiled: CompiledSearch,
  scope: SearchScope,
  rarest?: QueryTerm,
): Driver {
  const single = scope.narrowed && scope.nodes.length === 1 ? scope.nodes[0]?.num : undefined;
  const reverse = q.direction === 'desc';
  const conditions = q.conditions ?? [];
  const noText = compiled.required.length === 0 && compiled.excluded.length === 0;
  const noOthers = q.publisher === undefined && q.pinned === undefined;

  if (q.orderBy === 'field' && single !== undefined && q.orderField !== undefined) {
    const source = fieldOrderSource(single, q.orderField, reverse);
    const alone = noText && noOthers && conditions.length === 0 && !q.created && !q.updated;
    return { source, impliesMatch: alone };
  }
  if (q.orderBy === 'relevance' && compiled.required.length > 0) {
    // Without a probe, the longest word is likely the rarest.
    const term = rarest ?? [...compiled.required].sort((a, b) => b.word.length - a.word.length)[0];
    if (term) {
      const alone =
        compiled.required.length === 1 &&
        compiled.excluded.length === 0 &&
        term.fields === ALL_FIELDS &&
        noOthers &&
        conditions.length === 0 &&
        !q.created &&
        !q.updated;
      return {
        source: termSource(q.account, term, true, !reverse),
        impliesMatch: alone,
      };
    }
  }
  const time = q.orderBy === 'updated' ? 'updated' : 'created';
  const [first] = conditions;
  const value = first && equalityValue(first);
  if (time === 'created' && single !== undefined && first && value !== undefined) {
    const source = facetTimeSource(single, first.field, value, q.created, reverse);
    const alone = noText && noOthers && conditions.length === 1 && !q.updated;
    return { source, impliesMatch: alone };
  }
  const source = timeSource(q.account, time, q[time], single, reverse);
  const other = time === 'created' ? q.updated : q.created;
  return { source, impliesMatch: noText && noOthers && conditions.length === 0 && !other };
}
