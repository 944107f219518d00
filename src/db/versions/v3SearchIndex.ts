import { itemSearchEntries } from './frozen/v3/itemSearchEntries';
import type { SchemaVersion } from './SchemaVersion';

/** Items as version 2 stored them: this migration adds the search entries and `pinned`. */
interface ItemRowV2 {
  account: string;
  service: string;
  node: string;
  xml: string;
  parsed?: unknown;
  publisher?: string;
  created: number;
  fields: Array<[string, string | number]>;
  searchTerms?: string[];
  facetKeys?: unknown[];
  pinned?: 0 | 1;
}

/**
 * Version 3: search over everything cached, and cache management (issue 7; docs/search.md).
 *
 * The search entries are derived from each item by itemSearchEntries (tokenizer format 1,
 * src/search). A later change to tokenizing must add a version that re-indexes, as this one
 * does: the upgrade indexes every item already cached, 200 rows at a time (Dexie's modify).
 */
export const v3SearchIndex: SchemaVersion = {
  version: 3,
  name: 'searchIndex',
  stores: {
    items: [
      '[account+service+node+itemId]',
      '[account+service+node+created]',
      '[account+service+node+updated]',
      '[account+service+node+seq]',
      '[account+publisher]',
      '*fieldKeys',
      '[account+service+node+read]',
      // New: full-text search (searchItems): one `tag\0word\0rank` string per distinct word, so
      // a word's items read best-first, and a prefix is a key range.
      '*searchTerms',
      // New: parsed-field filters of searchItems newest first: [account, service, node, field,
      // value, created] per value, so `field == value` is a range in `created` order.
      '*facetKeys',
      // New: searchItems across nodes newest first, and purges older than a date of an account.
      '[account+created]',
      '[account+updated]',
      // New: the pinned items of an account or node, which retention and purges keep.
      '[account+pinned+service+node]',
    ].join(', '),
  },
  upgrade: async (tx) => {
    await tx
      .table<ItemRowV2>('items')
      .toCollection()
      .modify((item) => {
        const entries = itemSearchEntries(item, item);
        item.searchTerms = entries.searchTerms;
        item.facetKeys = entries.facetKeys;
        item.pinned = 0;
      });
  },
};
