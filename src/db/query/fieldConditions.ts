/**
 * Evaluates conditions on parsed fields through the `*fieldKeys` multiEntry index: each
 * condition's positive form is a few key ranges (operators.ts) whose primary keys are read
 * without loading a row. A negative condition (!=, not_in, disjoint) subtracts its positive form.
 */
import type { IndexableTypePart } from 'dexie';
import type { FieldCondition } from '../../shared/itemQuery';
import { readRangeKeys } from '../readRangeKeys';
import type { NodeAddress, SatchelDb } from '../SatchelDb';
import { isNegative, valueRanges } from './operators';

/** The ids of the node's items having some value of `field` that satisfies the positive form. */
async function positiveMatches(
  db: SatchelDb,
  at: NodeAddress,
  c: FieldCondition,
): Promise<Set<string>> {
  const key = (value: IndexableTypePart): IndexableTypePart[] => [
    at.account,
    at.service,
    at.node,
    c.field,
    value,
  ];
  const ids = new Set<string>();
  const lists = await Promise.all(
    valueRanges(c).map(([low, high, lowIn, highIn]) =>
      readRangeKeys(db.items, {
        index: 'fieldKeys',
        lower: key(low),
        upper: key(high),
        lowerOpen: !lowIn,
        upperOpen: !highIn,
      }),
    ),
  );
  for (const keys of lists) for (const itemKey of keys) ids.add(itemKey[3]);
  return ids;
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
    const ids = await positiveMatches(db, at, condition);
    (isNegative(condition.op) ? excluded : required).push(ids);
  }
  // Smallest set first: most ids are rejected by the first lookup.
  required.sort((a, b) => a.size - b.size);
  const matches = (itemId: string) =>
    required.every((ids) => ids.has(itemId)) && !excluded.some((ids) => ids.has(itemId));
  const [smallest] = required;
  return smallest ? { matches, smallest } : { matches };
}
