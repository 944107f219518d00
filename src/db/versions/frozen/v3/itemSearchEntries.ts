/**
 * FROZEN with schema v3: the search entries of an item in v3's format, which v3's upgrade
 * stored on item rows (../../v3SearchIndex.ts), from this folder's copy of the tokenizer as it
 * was, not the live src/search. Since v4 the entries live in `searchDocs` (src/db/search).
 */
import { itemSearchText } from './itemSearchText';
import { searchTermKeys } from './searchTermKeys';

/** The shapes as v3 knew them (frozen: not the live types). */
type FacetValue = string | number;
interface NodeAddress {
  account: string;
  service: string;
  node: string;
}

/** A v3 `*facetKeys` entry: [account, service, node, field, value, created]. */
export type FacetKey = [
  account: string,
  service: string,
  node: string,
  field: string,
  value: FacetValue,
  created: number,
];

export interface SearchEntries {
  searchTerms: string[];
  facetKeys: FacetKey[];
}

interface IndexedItem {
  xml: string;
  parsed?: unknown;
  publisher?: string;
  created: number;
  fields: ReadonlyArray<readonly [string, FacetValue]>;
}

const isKeyValue = (value: unknown): value is FacetValue =>
  typeof value === 'string' || (typeof value === 'number' && !Number.isNaN(value));

export function itemSearchEntries(at: NodeAddress, item: IndexedItem): SearchEntries {
  const text = itemSearchText(item);
  const created = Number.isFinite(item.created) ? item.created : 0;
  const seen = new Set<string>();
  const facetKeys: FacetKey[] = [];
  for (const [field, value] of Array.isArray(item.fields) ? item.fields : []) {
    if (typeof field !== 'string' || !isKeyValue(value)) continue;
    const id = `${typeof value}\u0000${field}\u0000${String(value)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    facetKeys.push([at.account, at.service, at.node, field, value, created]);
  }
  return { searchTerms: searchTermKeys(at.account, text, created), facetKeys };
}
