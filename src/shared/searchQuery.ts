/**
 * Search over everything cached (issue 7): what a page may ask, what the item store answers,
 * and what a result looks like. Types only. The query syntax of `text` is in
 * src/search/parseSearchText.ts; the plan and its trade-offs in docs/search.md.
 */
import type { FieldCondition } from './itemQuery';
import type { ItemRecord } from './records';

/** relevance: field-weighted word matches, newest first among equals; field: a parsed field's
 * value (only items having that field are listed). */
export type SearchOrder = 'relevance' | 'created' | 'updated' | 'field';

/** Epoch ms, both ends inclusive. */
export interface TimeRange {
  from?: number;
  to?: number;
}

/** A condition on a parsed field: those of queryItems (itemQuery.ts), and `contains`: some
 * string value of the field contains the text, ignoring case and accents (checked on rows). */
export type SearchCondition = FieldCondition | { field: string; op: 'contains'; value: string };

export interface SearchNodeFilter {
  service: string;
  node: string;
}

export interface SearchQuery {
  account: string;
  /** Words, "exact words", -excluded, field:word. Empty: every item matching the filters. */
  text?: string;
  /** Any of these nodes / services / node types and subtypes (as the analysers named them). */
  nodes?: SearchNodeFilter[];
  services?: string[];
  types?: string[];
  subtypes?: string[];
  publisher?: string;
  created?: TimeRange;
  updated?: TimeRange;
  /** Conditions on parsed fields (ItemRecord.fields); all must hold. */
  conditions?: SearchCondition[];
  /** Only pinned (true) or only unpinned (false) items. */
  pinned?: boolean;
  orderBy: SearchOrder;
  /** The parsed field to order by, with orderBy 'field'. */
  orderField?: string;
  direction: 'desc' | 'asc';
  /** Position of the page's first result in the whole ordered result. */
  offset: number;
  /** Page size, 1 to 100. */
  max: number;
}

export interface SearchPage {
  items: Array<ItemRecord & { score?: number }>;
  /** Exact when `totalExact`, else a lower bound: the query matched too many items to count
   * within the page's time budget (docs/search.md); `search.count` counts them. */
  total: number;
  totalExact: boolean;
  offset: number;
  hasMore: boolean;
  /** candidates: every match was enumerated; walk: an ordered index was read until the page
   * was full. */
  plan: 'candidates' | 'walk';
}

/** Text with the ranges [start, end) of matching words, rendered as spans, never as markup. */
export interface Highlighted {
  text: string;
  marks: Array<[start: number, end: number]>;
}

export interface SearchHit {
  service: string;
  node: string;
  id: string;
  title?: Highlighted;
  snippet?: Highlighted;
  publisher?: string;
  created: number;
  updated: number;
  pinned: boolean;
  read: boolean;
  /** With orderBy relevance, when every match was scored. */
  score?: number;
  /** The item has no parsed data: the snippet comes from its raw XML. */
  raw?: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  totalExact: boolean;
  offset: number;
  hasMore: boolean;
  plan: SearchPage['plan'];
  /** Time spent in the worker. */
  tookMs: number;
  /** The query has words and some posts a sync stored are not in the word index yet: they
   * cannot match until the indexer reaches them (the `wordsIndexed` event tells when). */
  indexing?: true;
}
