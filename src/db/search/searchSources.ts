/**
 * The index ranges of `searchDocs` that can list a search's candidates, and the ordered ones
 * that can drive a walk (searchItems.ts); a word's are ranges of the postings (schema v10,
 * readPostings.ts). Every range reads doc keys only; `keyOf` gives a doc's own key in an index
 * range, so a walk can continue after the last doc it read (readOrdered.ts).
 */
import { cmp, type IndexableType } from 'dexie';
import type { QueryTerm } from '../../search/parseSearchText';
import { termRange } from '../../search/searchTermKeys';
import type { FacetValue } from '../../shared/records';
import type { SearchCondition, SearchQuery } from '../../shared/searchQuery';
import { maxKeyPart, MIN_KEY_PART } from '../keyRange';
import { facetBounds, isIndexedPositive, valueRanges } from '../query';
import type { SearchDoc } from '../SatchelDb';
import type { PostingsRange } from './readPostings';

export interface IndexRange {
  kind: 'index';
  index: string;
  /** Inclusive bounds. */
  lower: IndexableType;
  upper: IndexableType;
  /** Read from the upper bound down. */
  reverse: boolean;
  /** The doc's first key in this range in reading order (a multiEntry doc may have several). */
  keyOf: (doc: SearchDoc) => IndexableType | undefined;
}

/** A range of `searchDocs` keys read from one of its indexes, or a word's from the postings. */
export type SourceRange = IndexRange | PostingsRange;

/** Docs an index can list: the union of its ranges. */
export interface Source {
  name: string;
  ranges: SourceRange[];
}

function range(
  index: string,
  lower: IndexableType,
  upper: IndexableType,
  reverse: boolean,
  keysOf: (doc: SearchDoc) => readonly IndexableType[],
): IndexRange {
  const keyOf = (doc: SearchDoc) => {
    let first: IndexableType | undefined;
    for (const key of keysOf(doc)) {
      if (cmp(key, lower) < 0 || cmp(key, upper) > 0) continue;
      if (first === undefined || (reverse ? cmp(key, first) > 0 : cmp(key, first) < 0)) first = key;
    }
    return first;
  };
  return { kind: 'index', index, lower, upper, reverse, keyOf };
}

const facetsOf = (doc: SearchDoc): readonly IndexableType[] => doc.facets;

/** A word's docs; `walk` splits a prefix into the exact word first, then the longer words. */
export function termSource(
  account: string,
  term: QueryTerm,
  walk: boolean,
  reverse = false,
): Source {
  const modes = !term.prefix
    ? ['exact' as const]
    : walk
      ? (['exact', 'extension'] as const)
      : ['prefix' as const];
  const ranges = modes.map((mode): PostingsRange => {
    const [lower, upper] = termRange(account, term.word, mode);
    return { kind: 'postings', lower, upper, reverse };
  });
  return { name: `word ${term.word}`, ranges: reverse ? ranges.reverse() : ranges };
}

/** Docs of the nodes having some value of the field that satisfies the condition. */
export function facetSource(nums: readonly number[], c: SearchCondition): Source | undefined {
  // Only a positive condition's entries are its candidates (operators.ts).
  if (!isIndexedPositive(c.op) || c.op === 'contains') return undefined;
  const values = valueRanges(c);
  const ranges = nums.flatMap((num) =>
    values.map((value) => {
      const [lower, upper] = facetBounds(num, c.field, value);
      return range('facets', lower, upper, false, facetsOf);
    }),
  );
  return { name: `field ${c.field} ${c.op}`, ranges };
}

/** One node's docs with `field == value`, newest first (or oldest), within `created` bounds. */
export function facetTimeSource(
  num: number,
  field: string,
  value: FacetValue,
  created: SearchQuery['created'],
  reverse: boolean,
): Source {
  const lower = [num, field, value, created?.from ?? MIN_KEY_PART];
  const upper = [num, field, value, created?.to ?? Infinity];
  return { name: `field ${field} ==`, ranges: [range('facets', lower, upper, reverse, facetsOf)] };
}

/** One node's docs having the field, in the field's order (orderBy 'field'). */
export function fieldOrderSource(num: number, field: string, reverse: boolean): Source {
  const lower = [num, field, MIN_KEY_PART, MIN_KEY_PART];
  const upper = [num, field, maxKeyPart(), maxKeyPart()];
  return { name: `order by ${field}`, ranges: [range('facets', lower, upper, reverse, facetsOf)] };
}

export function pinnedSource(account: string): Source {
  const key = [account, 1];
  return {
    name: 'pinned',
    ranges: [range('[account+pinned]', key, key, false, (d) => [[d.account, d.pinned]])],
  };
}

/** The docs of whole nodes (small ones are their own candidate lists). */
export function nodesSource(nums: readonly number[]): Source {
  const ranges = nums.map((num) =>
    range('[node+item]', [num, MIN_KEY_PART], [num, maxKeyPart()], false, (d) => [
      [d.node, d.item],
    ]),
  );
  return { name: 'nodes', ranges };
}

/** Docs by `created` or `updated` within the range, of one node or of the account. */
export function timeSource(
  account: string,
  time: 'created' | 'updated',
  bounds: SearchQuery['created'],
  num: number | undefined,
  reverse: boolean,
): Source {
  const from = bounds?.from ?? MIN_KEY_PART;
  const to = bounds?.to ?? Infinity;
  const r =
    num === undefined
      ? range(`[account+${time}]`, [account, from], [account, to], reverse, (d) => [
          [d.account, d[time]],
        ])
      : range(`[node+${time}]`, [num, from], [num, to], reverse, (d) => [[d.node, d[time]]]);
  return { name: time, ranges: [r] };
}
