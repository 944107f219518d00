/**
 * Time bounds a search's field conditions imply (docs/search.md, "Conditions on time fields").
 * An analyser may declare that its parser copies a parsed field into the item's `created` or
 * `updated` whenever the field is present (the microblog's RFC 4287 `published` and `updated`,
 * §4.2.9 and §4.2.15). An item matching `published between a and b` then has `created` in
 * [a, b]: adding that bound changes no result, and it lets the plan read the node's time index
 * over the range instead of walking every newer item (at 100,000 posts, a week in the past was
 * beyond what a walk may check).
 */
import type { SearchQuery, TimeRange } from '../../shared/searchQuery';
import { numericRange } from '../query';
import type { SatchelDb } from '../SatchelDb';
import type { SearchScope } from './searchScope';

/** Parsed fields whose value, when present, is the item's `created` / `updated` (epoch ms). */
export interface TimeFields {
  created?: string;
  updated?: string;
}

/** The analyser's time fields, by analyser name (the registry's, passed in: db is a leaf). */
export type TimeFieldsOf = (analyser: string) => TimeFields | undefined;

function intersect(a: TimeRange | undefined, b: TimeRange): TimeRange {
  const from = Math.max(a?.from ?? -Infinity, b.from ?? -Infinity);
  const to = Math.min(a?.to ?? Infinity, b.to ?? Infinity);
  return {
    ...(from !== -Infinity && { from }),
    ...(to !== Infinity && { to }),
  };
}

/**
 * The query with the `created` and `updated` bounds its conditions imply, when every node in
 * scope has an analyser declaring the condition's field a time field; else the query itself.
 */
export async function withImpliedTimeBounds(
  db: SatchelDb,
  q: SearchQuery,
  scope: SearchScope,
  timeFieldsOf: TimeFieldsOf | undefined,
): Promise<SearchQuery> {
  const ranged = (q.conditions ?? []).flatMap((c) => {
    const range = numericRange(c);
    return range ? [{ field: c.field, range }] : [];
  });
  if (!timeFieldsOf || ranged.length === 0 || scope.nodes.length === 0) return q;
  const records = await db.nodes.bulkGet(
    scope.nodes.map((n) => [q.account, n.service, n.node] as [string, string, string]),
  );
  const declared = records.map((r) => (r?.analyser ? timeFieldsOf(r.analyser) : undefined));
  const sharedBy = (time: keyof TimeFields, field: string): boolean =>
    declared.every((fields) => fields?.[time] === field);
  let bounded = q;
  for (const { field, range } of ranged) {
    for (const time of ['created', 'updated'] as const) {
      if (sharedBy(time, field)) bounded = { ...bounded, [time]: intersect(bounded[time], range) };
    }
  }
  return bounded;
}
