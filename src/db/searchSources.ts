/**
 * The index ranges that can list a search's candidates, and the ordered ones that can drive a
 * walk (searchItems.ts). Every range reads primary keys only; `keyOf` gives a row's own key in
 * the range, so a walk can continue after the last item it read (readOrdered.ts).
 */
import { cmp, type IndexableType, type IndexableTypePart } from 'dexie';
import type { QueryTerm } from '../search/parseSearchText';
import { termRange } from '../search/searchTermKeys';
import type { SearchCondition, SearchNodeFilter, SearchQuery } from '../shared/searchQuery';
import type { FacetValue } from '../shared/records';
import { maxKeyPart, MIN_KEY_PART } from './keyRange';
import type { StoredItem } from './SatchelDb';

export interface IndexRange {
  index: string;
  /** Inclusive bounds. */
  lower: IndexableType;
  upper: IndexableType;
  /** Read from the upper bound down. */
  reverse: boolean;
  /** The row's first key in this range in reading order (a multiEntry row may have several). */
  keyOf: (row: StoredItem) => IndexableType | undefined;
}

/** Items an index can list: the union of its ranges. */
export interface Source {
  name: string;
  ranges: IndexRange[];
}

function firstInRange(keys: readonly IndexableType[], range: Omit<IndexRange, 'keyOf'>) {
  let first: IndexableType | undefined;
  for (const key of keys) {
    if (cmp(key, range.lower) < 0 || cmp(key, range.upper) > 0) continue;
    if (first === undefined || (range.reverse ? cmp(key, first) > 0 : cmp(key, first) < 0))
      first = key;
  }
  return first;
}

function range(
  index: string,
  lower: IndexableType,
  upper: IndexableType,
  reverse: boolean,
  keysOf: (row: StoredItem) => readonly IndexableType[],
): IndexRange {
  const bounds = { index, lower, upper, reverse };
  return { ...bounds, keyOf: (row) => firstInRange(keysOf(row), bounds) };
}

const searchTermsOf = (row: StoredItem): readonly IndexableType[] => row.searchTerms;
const facetKeysOf = (row: StoredItem): readonly IndexableType[] => row.facetKeys;

/** A word's items; `walk` splits a prefix into the exact word first, then the longer words. */
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
  const ranges = modes.map((mode) => {
    const [lower, upper] = termRange(account, term.word, mode);
    return range('searchTerms', lower, upper, reverse, searchTermsOf);
  });
  return { name: `word ${term.word}`, ranges: reverse ? ranges.reverse() : ranges };
}

/** Lowest and highest key part of the values of `value`'s type (fieldConditions.ts). */
const typeBounds = (value: FacetValue): [IndexableTypePart, IndexableTypePart] =>
  typeof value === 'number' ? [MIN_KEY_PART, Infinity] : ['', maxKeyPart()];

/** The value ranges of a condition's positive form; undefined for negative conditions. */
type ValueRange = [
  low: IndexableTypePart,
  high: IndexableTypePart,
  lowIn: boolean,
  highIn: boolean,
];

function valueRanges(c: SearchCondition): ValueRange[] | undefined {
  // [low value, high value, low inclusive, high inclusive]
  switch (c.op) {
    case '==':
      return [[c.value, c.value, true, true]];
    case 'in':
    case 'overlap':
      return c.value.map((v): ValueRange => [v, v, true, true]);
    case 'between':
      return [[c.value[0], c.value[1], true, true]];
    case '<':
    case '<=':
      return [[typeBounds(c.value)[0], c.value, true, c.op === '<=']];
    case '>':
    case '>=':
      return [[c.value, typeBounds(c.value)[1], c.op === '>=', false]];
    default:
      return undefined;
  }
}

/** Items of the nodes having some value of the field that satisfies the condition. */
export function facetSource(
  account: string,
  nodes: readonly SearchNodeFilter[],
  c: SearchCondition,
): Source | undefined {
  const values = valueRanges(c);
  if (!values) return undefined;
  const ranges = nodes.flatMap(({ service, node }) =>
    values.map(([low, high, lowIn, highIn]) => {
      // The `created` part: an excluded bound value sorts past all of its own entries.
      const lower: IndexableTypePart[] = [
        account,
        service,
        node,
        c.field,
        low,
        lowIn ? MIN_KEY_PART : maxKeyPart(),
      ];
      const upper: IndexableTypePart[] = [
        account,
        service,
        node,
        c.field,
        high,
        highIn ? maxKeyPart() : MIN_KEY_PART,
      ];
      return range('facetKeys', lower, upper, false, facetKeysOf);
    }),
  );
  return { name: `field ${c.field} ${c.op}`, ranges };
}

/** One node's items with `field == value`, newest first (or oldest), within `created` bounds. */
export function facetTimeSource(
  account: string,
  at: SearchNodeFilter,
  field: string,
  value: FacetValue,
  created: SearchQuery['created'],
  reverse: boolean,
): Source {
  const { service, node } = at;
  const lower = [account, service, node, field, value, created?.from ?? MIN_KEY_PART];
  const upper = [account, service, node, field, value, created?.to ?? Infinity];
  return {
    name: `field ${field} ==`,
    ranges: [range('facetKeys', lower, upper, reverse, facetKeysOf)],
  };
}

/** One node's items having the field, in the field's order (orderBy 'field'). */
export function fieldOrderSource(
  account: string,
  at: SearchNodeFilter,
  field: string,
  reverse: boolean,
): Source {
  const { service, node } = at;
  return {
    name: `order by ${field}`,
    ranges: [
      range(
        'facetKeys',
        [account, service, node, field, MIN_KEY_PART, MIN_KEY_PART],
        [account, service, node, field, maxKeyPart(), maxKeyPart()],
        reverse,
        facetKeysOf,
      ),
    ],
  };
}

export function publisherSource(account: string, publisher: string): Source {
  const key = [account, publisher];
  return {
    name: 'publisher',
    ranges: [
      range('[account+publisher]', key, key, false, (r) => [[r.account, r.publisher ?? '']]),
    ],
  };
}

export function pinnedSource(account: string): Source {
  return {
    name: 'pinned',
    ranges: [
      range(
        '[account+pinned+service+node]',
        [account, 1, MIN_KEY_PART, MIN_KEY_PART],
        [account, 1, maxKeyPart(), maxKeyPart()],
        false,
        (r) => [[r.account, r.pinned, r.service, r.node]],
      ),
    ],
  };
}

/** Items by `created` or `updated` within the range, of one node (its own index) or all. */
export function timeSource(
  account: string,
  time: 'created' | 'updated',
  bounds: SearchQuery['created'],
  node: SearchNodeFilter | undefined,
  reverse: boolean,
): Source {
  const from = bounds?.from ?? MIN_KEY_PART;
  const to = bounds?.to ?? Infinity;
  const r = node
    ? range(
        `[account+service+node+${time}]`,
        [account, node.service, node.node, from],
        [account, node.service, node.node, to],
        reverse,
        (row) => [[row.account, row.service, row.node, row[time]]],
      )
    : range(`[account+${time}]`, [account, from], [account, to], reverse, (row) => [
        [row.account, row[time]],
      ]);
  return { name: time, ranges: [r] };
}
