/**
 * The limits of a search request, in one place: the RPC validator (src/sw/validators) refuses
 * what exceeds them before anything runs, and the database's own check
 * (src/db/search/validateSearchQuery.ts) holds any other caller to the same numbers.
 */
export const SEARCH_LIMITS = {
  /** Results skipped at most: deeper pages are refused rather than walked (docs/search.md). */
  maxOffset: 10_000,
  /** Results a page holds at most. */
  maxPage: 100,
  /** Characters of query text. */
  maxText: 1_000,
  /** Field conditions of one query. */
  maxConditions: 20,
  /** Nodes or services a query may name. */
  maxNodes: 200,
  /** Node types or subtypes a query may name. */
  maxTypes: 50,
  /** Characters of a field name, a type or a subtype. */
  maxName: 200,
  /** Characters of a `contains` condition's text. */
  maxContains: 1_000,
} as const;
