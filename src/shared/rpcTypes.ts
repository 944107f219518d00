/**
 * The shapes carried by RPC methods and events (what a page asks about and gets back). Types
 * only; src/shared/protocol.ts names the methods and the messages that carry these.
 */
import type { ErrorCode } from './errorCodes';
import type { FieldCondition, ItemOrder } from './itemQuery';
import type { NodeConfig, SkippedItems, SubscriptionState, SyncState } from './records';
import type { SearchCondition, SearchOrder, TimeRange } from './searchQuery';

export interface NodeAddress {
  service: string;
  node: string;
}

/** What a page may search for (src/shared/searchQuery.ts), for the signed-in account. */
export interface SearchParams {
  /** The query syntax of src/search/parseSearchText.ts. */
  text?: string;
  nodes?: NodeAddress[];
  services?: string[];
  types?: string[];
  subtypes?: string[];
  publisher?: string;
  created?: TimeRange;
  updated?: TimeRange;
  conditions?: SearchCondition[];
  pinned?: boolean;
  /** Default relevance (created when there is no text). */
  orderBy?: SearchOrder;
  orderField?: string;
  direction?: 'desc' | 'asc';
  offset?: number;
  /** Default 20, at most 100. */
  max?: number;
}

export interface GetItemsParams extends NodeAddress {
  /** Page size (default 20). */
  max?: number;
  after?: string;
  before?: string;
  index?: number;
  orderBy?: Exclude<ItemOrder, 'seq'>;
  direction?: 'desc' | 'asc';
  /** Conditions on parsed fields; only a synced node can answer them. */
  conditions?: FieldCondition[];
  itemIds?: string[];
  /** false: bypass the cache for this request. */
  useCache?: boolean;
}

export interface ItemView {
  id: string;
  /** The raw <item/> as received: untrusted, never put in the DOM unsanitized. */
  xml: string;
  parsed?: unknown;
  parseError?: string;
  publisher?: string;
  created?: number;
  updated?: number;
  read?: boolean;
}

export interface ItemsPage {
  items: ItemView[];
  source: 'cache' | 'server';
  /** RSM (XEP-0059): total count, offset of the first item, cursors. */
  total?: number;
  index?: number;
  first?: string;
  last?: string;
  node: NodeView;
}

export interface NodeView extends NodeAddress {
  analyser?: string;
  type?: string;
  subtype?: string;
  syncState: SyncState;
  syncStateAt: number;
  progress?: { done: number; total?: number };
  error?: RpcErrorData & { at: number; retryAt?: number };
  subscription: SubscriptionState;
  followed: boolean;
  itemCount?: number;
  unread?: number;
  lastSyncAt?: number;
  /** A catch-up after an absence: running, or failed with its reason and next try. */
  catchUp?:
    | { state: 'running' }
    | { state: 'failed'; error: RpcErrorData & { at: number; retryAt: number } };
  config?: NodeConfig;
  /** Items received but not stored, and why (issue 15). */
  skipped?: SkippedItems;
}

export interface ServiceView {
  jid: string;
  name?: string;
}

/** A node the account is subscribed to at a pubsub service (XEP-0060 §5.6). */
export interface ServerSubscriptionView extends NodeAddress {
  state: SubscriptionState;
}

/** A service or contact that could not be asked, and why. */
export interface LookupFailure {
  jid: string;
  error: RpcErrorData;
}

/** A roster contact (RFC 6121 §2) whose XEP-0277 microblog the account can read. */
export interface ContactMicroblogView {
  /** Bare JID: the contact's PEP service; the node is `urn:xmpp:microblog:0`. */
  jid: string;
  /** The roster name the user gave the contact. */
  name?: string;
}

export interface NodeListEntry {
  node: string;
  name?: string;
}

export interface NodeConfigParams {
  maxItems?: number;
  accessModel?: string;
  publishModel?: string;
  title?: string;
  persistItems?: boolean;
}

/** A change of cached items, pushed so open views update without polling. */
export interface ItemsChangedEvent extends NodeAddress {
  account: string;
  upserted: string[];
  retracted: string[];
  purged?: boolean;
  deleted?: boolean;
}

export interface RpcErrorData {
  code: ErrorCode;
  /** `code: detail` (shared/SatchelError.ts), for logs: the page words the code
   * (ui/format/errorText.ts). */
  message: string;
  detail?: string;
}

/** What the reader writes (issue 17): a post or comment, as XEP-0277 Atom fields. */
export interface DraftParams {
  title: string;
  text: string;
  categories: string[];
}

/** A comment's post (XEP-0277 §6), to show the pending comment under it. */
export interface ParentAddress extends NodeAddress {
  itemId: string;
}

/** A write waiting in the outbox, or refused by the server (with its reason). */
export interface OutboxEntryView extends NodeAddress {
  seq: number;
  op: 'publish' | 'retract';
  itemId: string;
  draft?: DraftParams;
  parent?: ParentAddress;
  state: 'queued' | 'refused';
  error?: RpcErrorData & { at: number };
  attempts: number;
  createdAt: number;
}

export interface OutboxChangedEvent {
  account: string;
  entries: OutboxEntryView[];
}
