/**
 * The typed Dexie database and the row shapes as stored. Rows differ from the shared records
 * only where IndexedDB needs it: booleans cannot be index keys (stored as 0/1) and items carry
 * derived index entries: `fieldKeys` for their parsed fields, and the search entries.
 */
import type { Dexie, Table } from 'dexie';
import type {
  AccountRecord,
  FacetValue,
  ItemRecord,
  NodeRecord,
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
/** One entry of the `*fieldKeys` multiEntry index: a parsed field value, scoped to its node. */
export type FieldKey = [
  account: string,
  service: string,
  node: string,
  field: string,
  value: FacetValue,
];

/** One `*facetKeys` entry (schema v3): a parsed field value of a node, then the item's
 * `created`, so `field == value` reads newest first. */
export type FacetKey = [
  account: string,
  service: string,
  node: string,
  field: string,
  value: FacetValue,
  created: number,
];

export interface SettingRecord {
  key: string;
  value: unknown;
}

export type StoredNode = Omit<NodeRecord, 'followed'> & { followed: 0 | 1 };

/** `searchTerms`, `facetKeys` and `pinned` arrived with schema v3 (itemSearchEntries.ts). */
export type StoredItem = ItemRecord & {
  read: 0 | 1;
  pinned: 0 | 1;
  fieldKeys: FieldKey[];
  searchTerms: string[];
  facetKeys: FacetKey[];
};

export type SatchelDb = Dexie & {
  accounts: Table<AccountRecord, string>;
  resumption: Table<ResumptionRecord, string>;
  settings: Table<SettingRecord, string>;
  nodes: Table<StoredNode, NodeKey>;
  items: Table<StoredItem, ItemKey>;
};
