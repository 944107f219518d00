/**
 * The search index entries of an item (schema v3), computed whenever the item row is written,
 * so they commit in the same transaction as the item: the words (src/search) and the parsed
 * fields in `created` order. See docs/search.md.
 */
import { itemSearchText } from '../search/itemSearchText';
import { searchTermKeys } from '../search/searchTermKeys';
import type { FacetValue } from '../shared/records';
import type { FacetKey, NodeAddress } from './SatchelDb';

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
