/**
 * Shapes of what Satchel keeps in IndexedDB, shared by the layers that read or write them
 * (db implements storage of these; xmpp, cache and sw use them through db's stores). Types only.
 */

/** SCRAM-SHA-1 keys derived from the password (RFC 5802 §3). Not the password: they only work
 * against the server that issued this salt and iteration count. Base64. */
export interface ScramKeys {
  salt: string;
  iterations: number;
  clientKey: string;
  serverKey: string;
}

export interface AccountRecord {
  /** Bare JID, the primary key. */
  jid: string;
  websocketUrl: string;
  /** Whether the worker reconnects by itself after a restart. False: nothing below is kept. */
  staySignedIn: boolean;
  allowPlain: boolean;
  scram?: ScramKeys;
  createdAt: number;
  updatedAt: number;
}

/** XEP-0198 resumption state, saved as it changes so a restarted worker resumes (§5). */
export interface ResumptionRecord {
  account: string;
  /** The stream management id from <enabled id='...'/>. */
  smId: string;
  /** Count of stanzas we handled ('h'). */
  inbound: number;
  /** The full JID bound in the session being resumed (the library forgets it on resume). */
  fullJid: string;
  /** Server's resumption window in seconds (<enabled max='...'/>), when it said. */
  maxSeconds?: number;
  savedAt: number;
}

export type SyncState = 'pending' | 'inProgress' | 'completed' | 'error' | 'noSync';
export type SubscriptionState = 'none' | 'subscribed' | 'pending' | 'unconfigured';

/** XEP-0460 caching hints and the XEP-0060 §16.4 configuration fields we care about. */
export interface NodeConfig {
  maxItems?: number | 'max';
  persistItems?: boolean;
  itemExpireSeconds?: number;
  notifyRetract?: boolean;
  accessModel?: string;
  publishModel?: string;
  title?: string;
  description?: string;
  /** Every field as received, for display. */
  raw?: Record<string, string | string[]>;
}

/** Limits on what the cache keeps of a node, applied whenever items are stored. Pinned items
 * are never evicted and do not count towards `maxItems`. */
export interface RetentionPolicy {
  /** Keep the newest (by `created`) this many unpinned items. */
  maxItems?: number;
  /** Drop unpinned items created longer ago than this many days. */
  maxAgeDays?: number;
}

export interface NodeRecord {
  account: string;
  service: string;
  node: string;
  analyser?: string;
  type?: string;
  subtype?: string;
  analysedAt?: number;
  syncState: SyncState;
  syncStateAt: number;
  syncError?: { code: string; message: string; at: number; attempts: number; retryAt?: number };
  syncProgress?: { done: number; total?: number };
  /** Where an interrupted sync resumes: ids still to fetch (no-RSM path) or an RSM cursor. */
  syncCursor?: { pendingIds?: string[]; rsmAfter?: string };
  subscription: SubscriptionState;
  lastItemId?: string;
  /** When the node last converged with the server: a complete sync or a catch-up. */
  lastSyncAt?: number;
  /** A catch-up after an absence (issue 14): running, or failed and to be retried. Absent: the
   * node converged at `lastSyncAt`, or no session has returned since. */
  catchUp?:
    | { state: 'running'; since: number }
    | {
        state: 'failed';
        code: string;
        message: string;
        at: number;
        attempts: number;
        retryAt: number;
      };
  config?: NodeConfig;
  /** How many items, or how old, the cache keeps of this node (issue 7). */
  retention?: RetentionPolicy;
  /** Items received for this node that could not be stored, and why (issue 15): the rest of
   * their batch was. Cleared when the node is synced again from scratch. */
  skipped?: SkippedItems;
  /** User follows this node (home screen). */
  followed: boolean;
  extra?: Record<string, unknown>;
}

/** An item that was received but not stored. */
export interface SkippedItem {
  /** Absent when the item had none (or one too long to keep). */
  itemId?: string;
  reason: string;
  at: number;
}

/** Skipped items of a node: `count` distinct ones, the latest few of them listed. */
export interface SkippedItems {
  count: number;
  latest: SkippedItem[];
}

/** A parsed-field value that can be indexed (IndexedDB key types we use). */
export type FacetValue = string | number;

export interface ItemRecord {
  account: string;
  service: string;
  node: string;
  itemId: string;
  /** The raw <item/> element as XML, always kept, even when parsing failed. */
  xml: string;
  /** Parser output (JSON-compatible), absent when the node's analyser has no parser. */
  parsed?: unknown;
  parseError?: string;
  publisher?: string;
  /** Publication time from the payload where it gives one, else first seen (epoch ms). */
  created: number;
  updated: number;
  /** Monotonic insertion sequence, assigned once when the item is first stored. */
  seq: number;
  /** Indexed parsed fields, one [field, value] per value (arrays give several). */
  fields: Array<[string, FacetValue]>;
  /** Approximate size in bytes (for cache management). */
  size: number;
  /** Whether the user has read it (schema v2). 0/1 rather than boolean because IndexedDB cannot
   * index booleans. Always set on items read from the database; optional so producers of
   * ItemRecord-shaped values need not invent it. */
  read?: 0 | 1;
  /** Pinned by the user (schema v3): never evicted by retention or purges. 0/1 like `read`. */
  pinned?: 0 | 1;
}

/**
 * What a producer (cache, pubsub events) hands to the item store. The store assigns `seq` and
 * `read`, and fills the times: `created` defaults to the stored row's (or now, "first seen"),
 * `updated` to the stored row's when the XML did not change (so a replayed stanza changes nothing).
 */
export interface NewItem {
  itemId: string;
  xml: string;
  parsed?: unknown;
  parseError?: string;
  /** Kept from the stored row when absent (a fetch may omit what a notification carried). */
  publisher?: string;
  created?: number;
  updated?: number;
  fields?: Array<[string, FacetValue]>;
  /** Estimated from the XML and parsed data when absent. */
  size?: number;
}

/** What the reader wrote: kept so a queued or refused write can be edited (issue 17). */
export interface OutboxDraft {
  title: string;
  text: string;
  categories: string[];
}

/**
 * A write waiting in the outbox (schema v9): stored before anything is sent, sent in `seq`
 * order, deleted once the server answered. The item id is chosen when the write is composed, so
 * sending it again after a lost answer republishes the same item (XEP-0060 §7.1.2) rather than a
 * second one.
 */
export interface OutboxRecord {
  /** Auto-incremented by the store: the order the writes were made in. */
  seq?: number;
  account: string;
  op: 'publish' | 'retract';
  service: string;
  node: string;
  itemId: string;
  /** The payload to publish, built once: a resend is byte-identical. */
  payloadXml?: string;
  draft?: OutboxDraft;
  /** A comment (XEP-0277 §6): the post it replies to. */
  parent?: { service: string; node: string; itemId: string };
  /** `refused`: the server said no; it stays with the reason until edited or discarded. */
  state: 'queued' | 'refused';
  error?: { code: string; message: string; detail?: string; at: number };
  /** Bumped by each edit: an answer to an older revision does not delete a newer one. */
  revision: number;
  attempts: number;
  createdAt: number;
  updatedAt: number;
}
