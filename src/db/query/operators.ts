/**
 * What each operator of a field condition means (src/shared/itemQuery.ts), written once for
 * both engines: `pubsub.getItems` (queryItems.ts, the items' `*fieldKeys` index) and search
 * (src/db/search, the docs' `*facets` index and the rows it checks). A field may hold several
 * values: a positive operator holds when some value satisfies it, a negative one (!=, not_in,
 * disjoint) when none satisfies its positive form. Comparisons compare like with like.
 */
import type { IndexableTypePart } from 'dexie';
import type { FieldCondition } from '../../shared/itemQuery';
import type { FacetValue } from '../../shared/records';
import type { SearchCondition, TimeRange } from '../../shared/searchQuery';
import { foldToken } from '../../search/foldToken';
import { maxKeyPart, MIN_KEY_PART } from '../keyRange';

const NEGATIVE = new Set<SearchCondition['op']>(['!=', 'not_in', 'disjoint']);

/** != is "not ==", not_in "not in", disjoint "not overlap": an index lists the positive form. */
export const isNegative = (op: SearchCondition['op']): boolean => NEGATIVE.has(op);

/** Whether an index of [field, value] entries lists exactly the items the condition holds for. */
export const isIndexedPositive = (op: SearchCondition['op']): boolean =>
  op !== 'contains' && !NEGATIVE.has(op);

/** Lowest and highest key part of the values of `value`'s type, in IndexedDB key order:
 * strings sort after every number and before any array (no dates or binary keys here). */
export function typeBounds(value: FacetValue): [low: IndexableTypePart, high: IndexableTypePart] {
  return typeof value === 'number' ? [MIN_KEY_PART, Infinity] : ['', maxKeyPart()];
}

/** One range of values, bounds included or not. */
export type ValueRange = [
  low: IndexableTypePart,
  high: IndexableTypePart,
  lowIn: boolean,
  highIn: boolean,
];

/**
 * The value ranges whose union is the condition's positive form (empty for an empty list).
 * `> v` ends at its type's upper bound: a number's is Infinity, a value, so it is included; a
 * string's is [], which no value equals.
 */
export function valueRanges(c: FieldCondition): ValueRange[] {
  switch (c.op) {
    case '==':
    case '!=':
      return [[c.value, c.value, true, true]];
    case 'in':
    case 'not_in':
    case 'overlap':
    case 'disjoint':
      return c.value.map((v): ValueRange => [v, v, true, true]);
    case 'between':
      return [[c.value[0], c.value[1], true, true]];
    case '<':
    case '<=':
      return [[typeBounds(c.value)[0], c.value, true, c.op === '<=']];
    case '>':
    case '>=': {
      const high = typeBounds(c.value)[1];
      return [[c.value, high, c.op === '>=', typeof high === 'number']];
    }
  }
}

/**
 * The bounds of a value range in the search docs' `*facets` index, `[node number, field, value,
 * created]` (schema v4): every `created` of the included values, none of an excluded bound's.
 * Since schema v8 both engines read conditions there (the items lost their `*fieldKeys`).
 */
export function facetBounds(
  num: number,
  field: string,
  [low, high, lowIn, highIn]: ValueRange,
): [lower: IndexableTypePart[], upper: IndexableTypePart[]] {
  // The `created` part: an excluded bound value sorts past all of its own entries.
  return [
    [num, field, low, lowIn ? MIN_KEY_PART : maxKeyPart()],
    [num, field, high, highIn ? maxKeyPart() : MIN_KEY_PART],
  ];
}

/** Whether one value satisfies the condition's positive form. */
function positiveHolds(c: FieldCondition, v: FacetValue): boolean {
  switch (c.op) {
    case '==':
    case '!=':
      return v === c.value;
    case 'in':
    case 'not_in':
    case 'overlap':
    case 'disjoint':
      return c.value.includes(v);
    case 'between':
      return typeof v === typeof c.value[0] && v >= c.value[0] && v <= c.value[1];
    case '<':
      return typeof v === typeof c.value && v < c.value;
    case '<=':
      return typeof v === typeof c.value && v <= c.value;
    case '>':
      return typeof v === typeof c.value && v > c.value;
    case '>=':
      return typeof v === typeof c.value && v >= c.value;
  }
}

/** Whether an item's fields satisfy the condition; `contains` (search only): some string value
 * of the field contains the text, folded as words are (src/search/foldToken.ts). */
export function conditionHolds(
  c: SearchCondition,
  fields: ReadonlyArray<readonly [string, FacetValue]>,
): boolean {
  if (c.op === 'contains') {
    const needle = foldToken(c.value);
    return fields.some(
      ([f, v]) => f === c.field && typeof v === 'string' && foldToken(v).includes(needle),
    );
  }
  const some = fields.some(([field, value]) => field === c.field && positiveHolds(c, value));
  return isNegative(c.op) ? !some : some;
}

/** The one value a condition requires, when it is an equality. */
export function equalityValue(c: SearchCondition): FacetValue | undefined {
  if (c.op === '==') return c.value;
  if ((c.op === 'in' || c.op === 'overlap') && c.value.length === 1) return c.value[0];
  return undefined;
}

/** The numeric range a condition confines its field's values to; undefined when none. Bounds
 * may be loose (an excluded end stays in): they only narrow what a plan reads. */
export function numericRange(c: SearchCondition): TimeRange | undefined {
  switch (c.op) {
    case '==':
      return typeof c.value === 'number' ? { from: c.value, to: c.value } : undefined;
    case 'between': {
      const [low, high] = c.value;
      return typeof low === 'number' && typeof high === 'number'
        ? { from: low, to: high }
        : undefined;
    }
    case 'in': {
      const values = c.value;
      return values.length > 0 && values.every((v): v is number => typeof v === 'number')
        ? { from: Math.min(...values), to: Math.max(...values) }
        : undefined;
    }
    case '<':
    case '<=':
      return typeof c.value === 'number' ? { to: c.value } : undefined;
    case '>':
    case '>=':
      return typeof c.value === 'number' ? { from: c.value } : undefined;
    default:
      return undefined;
  }
}
