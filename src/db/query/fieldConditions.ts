/**
 * Evaluates conditions on parsed fields through the search docs' `*facets` index ([node number,
 * field, value, created], schema v4; since v8 the items keep no field index of their own): each
 * condition's positive form is a few key ranges (operators.ts) whose doc keys are read without
 * loading a row. A negative condition (!=, not_in, disjoint) subtracts its positive form.
 */
import type { FieldCondition } from '../../shared/itemQuery';
import { readRangeKeys } from '../readRangeKeys';
import type { NodeAddress, SatchelDb } from '../SatchelDb';
import { facetBounds, isNegative, valueRanges } from './operators';

/** The ids of the node's items having some value of `field` that satisfies the positive form. */
async function positiveMatches(
  db: SatchelDb,
  num: number | undefined,
  c: FieldCondition,
): Promise<Set<string>> {
  const ids = new Set<string>();
  // A node without a number has no docs, so no items (every stored item has its doc).
  if (num === undefined) return ids;
  const lists = await Promise.all(
    valueRanges(c).map((value) => {
      const [lower, upper] = facetBounds(num, c.field, value);
      return readRangeKeys(db.searchDocs, { index: 'facets', lower, upper });
    }),
  );
  for (const keys of lists) for (const [, item] of keys) ids.add(item);
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
  const num =
    conditions.length === 0
      ? undefined
      : (await db.searchNodes.get([at.account, at.service, at.node]))?.num;
  for (const condition of conditions) {
    const ids = await positiveMatches(db, num, condition);
    (isNegative(condition.op) ? excluded : required).push(ids);
  }
  // Smallest set first: most ids are rejected by the first lookup.
  required.sort((a, b) => a.size - b.size);
  const matches = (itemId: string) =>
    required.every((ids) => ids.has(itemId)) && !excluded.some((ids) => ids.has(itemId));
  const [smallest] = required;
  return smallest ? { matches, smallest } : { matches };
}
