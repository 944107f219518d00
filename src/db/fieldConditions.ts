/**
 * Evaluates conditions on parsed fields through the `*fieldKeys` multiEntry index: each
 * condition becomes a key range (or a few keys) whose primary keys are read without loading a
 * row. A negative condition (!=, not_in, disjoint) reads its positive form and subtracts it.
 */
import type { Collection, IndexableTypePart } from 'dexie';
import type { FieldCondition } from '../shared/itemQuery';
import type { FacetValue } from '../shared/records';
import { maxKeyPart, MIN_KEY_PART } from './keyRange';
import type { ItemKey, NodeAddress, SatchelDb, StoredItem } from './SatchelDb';

type ItemCollection = Collection<StoredItem, ItemKey>;

const NEGATIVE_OPS = new Set<FieldCondition['op']>(['!=', 'not_in', 'disjoint']);

/** Lowest and highest key of the values of the same type as `value`, in IndexedDB key order. */
function typeBounds(value: FacetValue): [IndexableTypePart, IndexableTypePart] {
  // Strings sort after every number and before any array; there are no binary keys here.
  return typeof value === 'number' ? [MIN_KEY_PART, Infinity] : ['', maxKeyPart()];
}

/** The items of the node having some value of `field` that satisfies the positive form. */
function positiveMatches(db: SatchelDb, at: NodeAddress, c: FieldCondition): ItemCollection {
  const key = (value: IndexableTypePart): IndexableTypePart[] => [
    at.account,
    at.service,
    at.node,
    c.field,
    value,
  ];
  const index = db.items.where('fieldKeys');
  switch (c.op) {
    case '==':
    case '!=':
      return index.equals(key(c.value));
    case 'in':
    case 'not_in':
    case 'overlap':
    case 'disjoint':
      return index.anyOf(c.value.map(key));
    case 'between':
      return index.between(key(c.value[0]), key(c.value[1]), true, true);
    case '<':
    case '<=':
      return index.between(key(typeBounds(c.value)[0]), key(c.value), true, c.op === '<=');
    case '>':
    case '>=': {
      // The strings' upper bound is [] itself, which no value equals: excluding it is exact.
      const high = typeBounds(c.value)[1];
      return index.between(key(c.value), key(high), c.op === '>=', typeof high === 'number');
    }
  }
}

/**
 * A predicate on item ids that holds when every condition does. Reads index keys only; call it
 * inside the query's transaction so it sees the same snapshot as the ordering.
 */
export interface ConditionMatches {
  /** Whether an item id satisfies every condition. */
  matches: (itemId: string) => boolean;
  /** The smallest set of ids a positive condition allows (a superset of the matches), if any. */
  smallest?: ReadonlySet<string>;
}

export async function matchConditions(
  db: SatchelDb,
  at: NodeAddress,
  conditions: readonly FieldCondition[],
): Promise<ConditionMatches> {
  const required: Array<Set<string>> = [];
  const excluded: Array<Set<string>> = [];
  for (const condition of conditions) {
    const isEmptyList = Array.isArray(condition.value) && condition.value.length === 0;
    const keys =
      isEmptyList && condition.op !== 'between'
        ? []
        : await positiveMatches(db, at, condition).primaryKeys();
    const ids = new Set(keys.map((key) => key[3]));
    (NEGATIVE_OPS.has(condition.op) ? excluded : required).push(ids);
  }
  // Smallest set first: most ids are rejected by the first lookup.
  required.sort((a, b) => a.size - b.size);
  const matches = (itemId: string) =>
    required.every((ids) => ids.has(itemId)) && !excluded.some((ids) => ids.has(itemId));
  const [smallest] = required;
  return smallest ? { matches, smallest } : { matches };
}
