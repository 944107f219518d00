/**
 * The typed Dexie database and the row shapes as stored. Rows differ from the shared records
 * only where IndexedDB needs it: booleans cannot be index keys (stored as 0/1). Search has tables
 * of its own, whose `*facets` also answer conditions on parsed fields (schema v8).
 */
import type { Dexie, Table } from 'dexie';
import type {
  AccountRecord,
  FacetValue,
  ItemRecord,
  NodeRecord,
  OutboxRecord,
  ResumptionRecord,
} from '../shared/records';

/** Where a node lives: the parts of every node and item key. */
export interface NodeAddress {
  account: string;
  service: string;
  node: string;
}

export type NodeKey = [account: string, service: string, node: string];
export type ItemKey = [account: string, service: string, node: string, itemId: string];
/** An entry of the items' `*fieldKeys` index (schema v1 to v7): a parsed field value, scoped to
 * its node. Schema v8 dropped the index (conditions read the docs' `*facets`); older rows may
 * still hold the property. */
export type FieldKey = [
  account: string,
  service: string,
  node: string,
  field: string,
  value: FacetValue,
];

/** A `searchDocs` key (schema v4): the node's number (searchNodes) and the item id. */
export type DocKey = [node: number, item: string];

/** One `*facets` entry of a search doc: a parsed field value, then the item's `created`, so
 * `field == value` in a node reads newest first. */
export type DocFacet = [node: number, field: string, value: FacetValue, created: number];

/** What search reads of an item (schema v4, searchDocs.ts), kept beside the item row and
 * written in the same transaction. */
export interface SearchDoc {
  node: number;
  item: string;
  account: string;
  created: number;
  updated: number;
  pinned: 0 | 1;
  publisher?: string;
  fields: Array<[string, FacetValue]>;
  /** `tag\0word\0rank` per distinct word (src/search/searchTermKeys.ts); empty while queued. */
  terms: string[];
  facets: DocFacet[];
  /** Schema v6: set while the words wait for the word indexer (`terms` is empty meanwhile). */
  queued?: 1;
  /** Schema v10: the postings batch holding this doc's words (absent while it has none). */
  batch?: number;
}

/**
 * A `postings` row (schema v10): the docs of one node having one word in one field set, written
 * by one batch (src/db/search/postingsSync.ts). `group` is a word entry's key without its time
 * (`tag\0word\0<mask>`, src/search/searchTermKeys.ts); `codes[i]` is the time part of doc
 * `items[i]`'s entry; entries sort by (code, item) as the entries of v4's word index did.
 */
export interface PostingRow {
  node: number;
  group: string;
  batch: number;
  /** The smallest code: the newest doc. */
  first: string;
  codes: string[];
  items: string[];
}

/** `postings` key: [node number, group, batch]. */
export type PostingKey = [node: number, group: string, batch: number];

export interface SearchNodeRow {
  account: string;
  service: string;
  node: string;
  num: number;
}

/** A node's item and unread counts (schema v5), kept by nodeCountsSync.ts. No row: zero. */
export interface NodeCountRow {
  account: string;
  service: string;
  node: string;
  items: number;
  unread: number;
}

/** A synced node's item ids as the server listed them at its last convergence (schema v7). */
export interface NodeListingRow {
  account: string;
  service: string;
  node: string;
  /** Newest first, as the server lists them. */
  ids: string[];
  at: number;
  /** Ids a catch-up of this listing still has to fetch: it was stopped (resumes from here). */
  pending?: string[];
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export type StoredNode = Omit<NodeRecord, 'followed'> & { followed: 0 | 1 };

/** `pinned` arrived with schema v3; the search entries live in `searchDocs` since v4. */
export type StoredItem = ItemRecord & { read: 0 | 1; pinned: 0 | 1; fieldKeys?: FieldKey[] };

export type SatchelDb = Dexie & {
  accounts: Table<AccountRecord, string>;
  resumption: Table<ResumptionRecord, string>;
  settings: Table<SettingRecord, string>;
  nodes: Table<StoredNode, NodeKey>;
  items: Table<StoredItem, ItemKey>;
  searchNodes: Table<SearchNodeRow, [string, string, string]>;
  searchDocs: Table<SearchDoc, DocKey>;
  nodeCounts: Table<NodeCountRow, NodeKey>;
  nodeListings: Table<NodeListingRow, NodeKey>;
  /** Schema v9: writes waiting to be sent (src/db/outboxStore.ts). */
  outbox: Table<OutboxRecord, number>;
  /** Schema v10: the word index (src/db/search/postingsSync.ts). */
  postings: Table<PostingRow, PostingKey>;
};
