/**
 * A search query compiled to predicates on stored rows: the one definition of what matches,
 * used by every plan (searchItems.ts) whatever index found the candidates. Also the relevance
 * score, and the order of results when they are sorted in memory.
 */
import { cmp } from 'dexie';
import { parseSearchText, termMatches, type QueryTerm } from '../search/parseSearchText';
import { decodeTermKey } from '../search/searchTermKeys';
import { foldToken } from '../search/foldToken';
import type { FieldCondition } from '../shared/itemQuery';
import type { SearchCondition, SearchQuery } from '../shared/searchQuery';
import type { FacetValue } from '../shared/records';
import type { ItemKey, StoredItem } from './SatchelDb';

export interface CompiledSearch {
  required: QueryTerm[];
  excluded: QueryTerm[];
  /** Whether an item key can match at all (account and node scope), without its row. */
  keyMatches: (key: ItemKey) => boolean;
  rowMatches: (row: StoredItem) => boolean;
  /** Relevance: the best field weight of each required word (exact words count double). */
  score: (row: StoredItem) => number;
  /** The result order of searchItems, for rows sorted in memory. */
  compare: (a: StoredItem, b: StoredItem) => number;
}

/** `service\0node`, the scope key of a node. */
export const scopeKey = (service: string, node: string): string => `${service}\u0000${node}`;

function words(row: StoredItem): Array<{ word: string; mask: number }> {
  return (Array.isArray(row.searchTerms) ? row.searchTerms : []).map(decodeTermKey);
}

function bestWeight(entries: ReadonlyArray<{ word: string; mask: number }>, term: QueryTerm) {
  let best = 0;
  for (const { word, mask } of entries) {
    if (!termMatches(term, word, mask)) continue;
    best = Math.max(best, (mask & term.fields) * (word === term.word ? 2 : 1));
  }
  return best;
}

function valueHolds(c: FieldCondition, v: FacetValue): boolean {
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

/** src/shared/itemQuery.ts semantics: some value holds; the negative forms hold when none does. */
export function conditionHolds(c: SearchCondition, fields: StoredItem['fields']): boolean {
  if (c.op === 'contains') {
    const needle = foldToken(c.value);
    return fields.some(
      ([f, v]) => f === c.field && typeof v === 'string' && foldToken(v).includes(needle),
    );
  }
  const some = fields.some(([field, value]) => field === c.field && valueHolds(c, value));
  return c.op === '!=' || c.op === 'not_in' || c.op === 'disjoint' ? !some : some;
}

/** The value a row sorts by when ordered by a parsed field (the extreme one in that order). */
export function fieldSortValue(
  row: StoredItem,
  field: string,
  desc: boolean,
): FacetValue | undefined {
  let best: FacetValue | undefined;
  for (const [name, value] of row.fields) {
    if (name !== field) continue;
    if (best === undefined || (desc ? cmp(value, best) > 0 : cmp(value, best) < 0)) best = value;
  }
  return best;
}

const inRange = (value: number, range: SearchQuery['created']): boolean =>
  range === undefined ||
  ((range.from === undefined || value >= range.from) &&
    (range.to === undefined || value <= range.to));

export function compileSearch(
  q: SearchQuery,
  nodeScope: ReadonlySet<string> | undefined,
): CompiledSearch {
  const { required, excluded } = parseSearchText(q.text ?? '');
  const conditions = q.conditions ?? [];
  const desc = q.direction === 'desc';
  const score = (row: StoredItem): number => {
    const entries = words(row);
    return required.reduce((sum, term) => sum + bestWeight(entries, term), 0);
  };
  const byKey = (a: StoredItem, b: StoredItem): number =>
    cmp([a.service, a.node, a.itemId], [b.service, b.node, b.itemId]);
  const flip = (n: number): number => (desc ? -n : n);
  const compare = (a: StoredItem, b: StoredItem): number => {
    if (q.orderBy === 'relevance' && required.length > 0) {
      const diff = score(b) - score(a);
      return diff !== 0 ? flip(-diff) : flip(cmp(a.created, b.created) || byKey(a, b));
    }
    if (q.orderBy === 'field' && q.orderField !== undefined) {
      const va = fieldSortValue(a, q.orderField, desc);
      const vb = fieldSortValue(b, q.orderField, desc);
      return flip(cmp(va ?? '', vb ?? '') || cmp(a.created, b.created) || byKey(a, b));
    }
    const time = q.orderBy === 'updated' ? 'updated' : 'created';
    return flip(cmp(a[time], b[time]) || byKey(a, b));
  };
  return {
    required,
    excluded,
    keyMatches: (key) =>
      key[0] === q.account && (nodeScope === undefined || nodeScope.has(scopeKey(key[1], key[2]))),
    rowMatches: (row) => {
      if (row.account !== q.account) return false;
      if (nodeScope !== undefined && !nodeScope.has(scopeKey(row.service, row.node))) return false;
      if (q.publisher !== undefined && row.publisher !== q.publisher) return false;
      if (q.pinned !== undefined && (row.pinned === 1) !== q.pinned) return false;
      if (!inRange(row.created, q.created) || !inRange(row.updated, q.updated)) return false;
      if (!conditions.every((c) => conditionHolds(c, row.fields))) return false;
      if (
        q.orderBy === 'field' &&
        q.orderField !== undefined &&
        fieldSortValue(row, q.orderField, desc) === undefined
      )
        return false;
      if (required.length === 0 && excluded.length === 0) return true;
      const entries = words(row);
      return (
        required.every((t) => entries.some((e) => termMatches(t, e.word, e.mask))) &&
        !excluded.some((t) => entries.some((e) => termMatches(t, e.word, e.mask)))
      );
    },
    score,
    compare,
  };
}
