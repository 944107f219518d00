/**
 * A search query compiled to predicates on search docs: the one definition of what matches,
 * used by every plan (searchItems.ts) whatever index found the candidates. Also the relevance
 * score, and the order of results when they are sorted in memory.
 */
import { cmp } from 'dexie';
import { parseSearchText, termMatches, type QueryTerm } from '../../search/parseSearchText';
import { decodeTermKey } from '../../search/searchTermKeys';
import type { FacetValue } from '../../shared/records';
import type { SearchQuery } from '../../shared/searchQuery';
import { conditionHolds } from '../query';
import type { DocKey, SearchDoc } from '../SatchelDb';

export interface CompiledSearch {
  required: QueryTerm[];
  excluded: QueryTerm[];
  /** Whether a doc key can match at all (node scope), without its row. */
  keyMatches: (key: DocKey) => boolean;
  rowMatches: (doc: SearchDoc) => boolean;
  /** Relevance: the best field weight of each required word (exact words count double). */
  score: (doc: SearchDoc) => number;
  /** The result order of searchItems, for docs sorted in memory. */
  compare: (a: SearchDoc, b: SearchDoc) => number;
}

const words = (doc: SearchDoc) => doc.terms.map(decodeTermKey);

function bestWeight(entries: ReadonlyArray<{ word: string; mask: number }>, term: QueryTerm) {
  let best = 0;
  for (const { word, mask } of entries) {
    if (termMatches(term, word, mask))
      best = Math.max(best, (mask & term.fields) * (word === term.word ? 2 : 1));
  }
  return best;
}

/** The value a doc sorts by when ordered by a parsed field (its extreme one in that order). */
export function fieldSortValue(
  doc: SearchDoc,
  field: string,
  desc: boolean,
): FacetValue | undefined {
  let best: FacetValue | undefined;
  for (const [name, value] of doc.fields) {
    if (
      name === field &&
      (best === undefined || (desc ? cmp(value, best) > 0 : cmp(value, best) < 0))
    )
      best = value;
  }
  return best;
}

const inRange = (value: number, range: SearchQuery['created']): boolean =>
  range === undefined ||
  ((range.from === undefined || value >= range.from) &&
    (range.to === undefined || value <= range.to));

export function compileSearch(q: SearchQuery, nums: ReadonlySet<number>): CompiledSearch {
  const { required, excluded } = parseSearchText(q.text ?? '');
  const conditions = q.conditions ?? [];
  const desc = q.direction === 'desc';
  const score = (doc: SearchDoc): number => {
    const entries = words(doc);
    return required.reduce((sum, term) => sum + bestWeight(entries, term), 0);
  };
  const byKey = (a: SearchDoc, b: SearchDoc): number => cmp([a.node, a.item], [b.node, b.item]);
  const flip = (n: number): number => (desc ? -n : n);
  const compare = (a: SearchDoc, b: SearchDoc): number => {
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
    keyMatches: (key) => nums.has(key[0]),
    rowMatches: (doc) => {
      if (doc.account !== q.account || !nums.has(doc.node)) return false;
      if (q.publisher !== undefined && doc.publisher !== q.publisher) return false;
      if (q.pinned !== undefined && (doc.pinned === 1) !== q.pinned) return false;
      if (!inRange(doc.created, q.created) || !inRange(doc.updated, q.updated)) return false;
      if (!conditions.every((c) => conditionHolds(c, doc.fields))) return false;
      if (
        q.orderBy === 'field' &&
        q.orderField !== undefined &&
        fieldSortValue(doc, q.orderField, desc) === undefined
      )
        return false;
      if (required.length === 0 && excluded.length === 0) return true;
      const entries = words(doc);
      return (
        required.every((t) => entries.some((e) => termMatches(t, e.word, e.mask))) &&
        !excluded.some((t) => entries.some((e) => termMatches(t, e.word, e.mask)))
      );
    },
    score,
    compare,
  };
}
