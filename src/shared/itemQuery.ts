/**
 * Queries over a node's cached items: what a page may ask the worker and what the item store
 * answers. Types only (the RPC reuses them). Paging follows Result Set Management (XEP-0059 §2):
 * `after`/`before` are item-id cursors, `index` an offset, `total` the RSM count.
 */
import type { FacetValue, ItemRecord } from './records';

export type ItemOrder = 'created' | 'updated' | 'seq';

/**
 * A condition on a parsed field (ItemRecord.fields). A field may hold several values (an array
 * in the payload gives one [field, value] pair per value): a comparison holds when ANY value
 * satisfies it, and the negative forms hold when NO value does (items without the field match
 * them). Comparisons compare like with like: `<` on a number only sees the field's numbers.
 * `<` and `>` are strict.
 */
export type FieldCondition =
  | { field: string; op: '==' | '!=' | '<' | '<=' | '>' | '>='; value: FacetValue }
  /** Inclusive at both ends; both bounds of the same type. */
  | { field: string; op: 'between'; value: [FacetValue, FacetValue] }
  /** `in`/`overlap`: some value is in the list; `not_in`/`disjoint`: none is. */
  | { field: string; op: 'in' | 'not_in' | 'overlap' | 'disjoint'; value: FacetValue[] };

export type FieldOperator = FieldCondition['op'];

export interface ItemQuery {
  account: string;
  service: string;
  node: string;
  orderBy: ItemOrder;
  direction: 'desc' | 'asc';
  /** Page size; 0 asks for the count only (XEP-0059 §2.6). */
  max: number;
  /** Item id: the page starts just after it in this order (XEP-0059 §2.2). */
  after?: string;
  /** Item id: the page ends just before it; '' asks for the last page (XEP-0059 §2.5). */
  before?: string;
  /** Offset of the page's first item in this order (XEP-0059 §2.4). */
  index?: number;
  /** All must hold. */
  conditions?: FieldCondition[];
}

export interface ItemPage {
  items: ItemRecord[];
  /** How many items match the query, all pages together. */
  total: number;
  /** Offset of the first item of this page in the whole ordered result. */
  index: number;
  /** Item id of the page's first and last items (the next cursors), absent on an empty page. */
  first?: string;
  last?: string;
}
