/**
 * The wire protocol between pages and the service worker. Types only (comlink's protocol.ts is
 * the model): nothing here runs, so page and worker can both import it without pulling code.
 *
 * Transport (docs/architecture.md#rpc): a page creates a MessageChannel and hands one port to the
 * worker with `navigator.serviceWorker.controller.postMessage(ConnectMessage, [port])`. Requests,
 * responses and events then travel on that port. Heartbeats go through `controller.postMessage`
 * again, because only those keep an idle worker alive (platform-facts: a port message does not).
 */
import type { RetentionPolicy, SubscriptionState } from './records';
import type { CacheStats, ConflictChoice, ImportReport, PurgeScope } from './cacheManagement';
import type { ErrorCode } from './errorCodes';
import type { SearchResult } from './searchQuery';
import type {
  ContactMicroblogView,
  DraftParams,
  OutboxChangedEvent,
  OutboxEntryView,
  ParentAddress,
  GetItemsParams,
  LookupFailure,
  ItemsChangedEvent,
  ItemsPage,
  NodeAddress,
  NodeConfigParams,
  NodeListEntry,
  NodeView,
  RpcErrorData,
  SearchParams,
  ServerSubscriptionView,
  ServiceView,
} from './rpcTypes';

export type * from './rpcTypes';

/** Bumped when a message shape changes incompatibly; a page and worker that differ must reload. */
export type ProtocolVersion = 1;

// ---------------------------------------------------------------------------------------------
// Session

/** `offline`: no network, or no server answering a session that had worked; saved posts are
 * what there is, and the engine keeps trying quietly. `reconnecting`: a connection that just
 * dropped, or a failure the user should see (shared/failureMeaning.ts). */
export type ConnectionStatus = 'signedOut' | 'connecting' | 'online' | 'reconnecting' | 'offline';

export interface FailureInfo {
  code: ErrorCode;
  /** `code: detail` (shared/SatchelError.ts), for logs: the page words the code
   * (ui/format/errorText.ts). */
  message: string;
  detail?: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface ConnectionState {
  status: ConnectionStatus;
  /** Bare JID of the account, when one is signed in or signing in. */
  account?: string;
  /** Full JID bound for this session, when online. */
  boundJid?: string;
  /** Whether the current session was resumed with XEP-0198 rather than started afresh. */
  resumed?: boolean;
  /** Whether the worker will reconnect by itself after a restart (credentials are kept). */
  staySignedIn?: boolean;
  /** Epoch milliseconds when `status` last changed. */
  since: number;
  /** Epoch milliseconds of the next reconnect attempt, while reconnecting. */
  nextAttemptAt?: number;
  lastFailure?: FailureInfo;
  /** Set while a (re)started worker has not yet read the stored account: `status` says
   * signedOut but may become reconnecting a moment later. Pages wait instead of offering the
   * sign-in form. */
  restoring?: true;
}

export interface SignInParams {
  jid: string;
  password: string;
  websocketUrl: string;
  staySignedIn: boolean;
  /** The user explicitly allows PLAIN over a connection that is not wss:// or loopback. */
  allowPlain: boolean;
}

// ---------------------------------------------------------------------------------------------
// Methods: every request names one; params and result types are fixed per method.

export interface RpcMethods {
  'session.state': { params: Record<string, never>; result: ConnectionState };
  /** XEP-0156: find the WebSocket endpoint a domain publishes in its host-meta. */
  'session.discover': { params: { jid: string }; result: { websocketUrl: string | null } };
  'session.signIn': { params: SignInParams; result: ConnectionState };
  'session.signOut': { params: Record<string, never>; result: ConnectionState };
  /** Skip the current back-off wait and try to connect now. */
  'session.reconnectNow': { params: Record<string, never>; result: ConnectionState };

  // Pubsub reads and writes, through the cache gate (src/cache). A synced node is answered
  // from IndexedDB, any other from the server; `useCache: false` always asks the server.
  'pubsub.getItems': { params: GetItemsParams; result: ItemsPage };
  'pubsub.publish': {
    params: NodeAddress & { id?: string; payloadXml: string };
    result: { id: string };
  };
  'pubsub.retract': { params: NodeAddress & { id: string }; result: Record<string, never> };
  'pubsub.subscribe': { params: NodeAddress; result: { state: SubscriptionState } };
  'pubsub.unsubscribe': { params: NodeAddress; result: Record<string, never> };
  'pubsub.discoverServices': { params: Record<string, never>; result: { services: ServiceView[] } };
  'pubsub.listNodes': { params: { service: string }; result: { nodes: NodeListEntry[] } };
  'pubsub.createNode': {
    params: NodeAddress & { config?: NodeConfigParams };
    result: Record<string, never>;
  };
  'pubsub.configureNode': {
    params: NodeAddress & { config: NodeConfigParams };
    result: Record<string, never>;
  };
  /** The account's subscriptions at its server's pubsub services (XEP-0060 §5.6); services that
   * could not be asked are listed in `failures`, the others still answer. */
  'pubsub.listSubscriptions': {
    params: Record<string, never>;
    result: { subscriptions: ServerSubscriptionView[]; failures: LookupFailure[] };
  };
  /** Roster contacts (RFC 6121 §2) with a readable XEP-0277 microblog; contacts without one are
   * left out, those that could not be checked are in `failures`; `unchecked` past the limit;
   * `hidden` refused and cannot be told from having none (src/pubsub/findContactMicroblogs.ts). */
  'contacts.listMicroblogs': {
    params: Record<string, never>;
    result: {
      contacts: ContactMicroblogView[];
      failures: LookupFailure[];
      unchecked: number;
      hidden: number;
    };
  };
  'pubsub.deleteNode': { params: NodeAddress; result: Record<string, never> };
  'pubsub.purgeNode': { params: NodeAddress; result: Record<string, never> };

  // The cache itself.
  'cache.listNodes': { params: { followedOnly?: boolean }; result: { nodes: NodeView[] } };
  'cache.getNode': { params: NodeAddress; result: { node: NodeView | null } };
  /** Follow: analyse the node, subscribe and sync it when an analyser says so. */
  'cache.follow': { params: NodeAddress; result: { node: NodeView } };
  /** Unfollow: unsubscribe and delete the node's cached data. */
  'cache.unfollow': { params: NodeAddress; result: Record<string, never> };
  /** Sync again from scratch (drop cached items, fetch everything). */
  'cache.resync': { params: NodeAddress; result: { node: NodeView } };
  // Recovery when the database cannot be opened (issue 3): try again, take the raw data out, or
  // start over with an empty database.
  'storage.retry': { params: Record<string, never>; result: StorageState };
  'storage.exportRaw': { params: Record<string, never>; result: { json: string } };
  'storage.reset': { params: Record<string, never>; result: StorageState };
  'cache.markRead': {
    params: NodeAddress & { ids: string[]; read: boolean };
    result: Record<string, never>;
  };

  // Search everything cached, offline (issue 7; docs/search.md). `total` may be a lower bound
  // (`totalExact: false`): `search.count` then counts exactly, at the cost of reading more.
  'search.query': { params: SearchParams; result: SearchResult };
  'search.count': { params: SearchParams; result: { total: number } };
  // Managing the cache (issue 7). Pinned items are never removed by purges or retention.
  'cache.stats': { params: Record<string, never>; result: CacheStats };
  'cache.purgeOlderThan': { params: PurgeScope & { before: number }; result: { removed: number } };
  /** Every cached node and item of the account (server subscriptions stay). */
  'cache.clearAll': { params: Record<string, never>; result: { nodes: number } };
  /** Forget the node (analysis, state, items) and follow or sync it again. */
  'cache.reset': { params: NodeAddress; result: { node: NodeView } };
  'cache.setRetention': {
    params: NodeAddress & { retention: RetentionPolicy | null };
    result: { evicted: number };
  };
  'cache.pin': {
    params: NodeAddress & { ids: string[]; pinned: boolean };
    result: Record<string, never>;
  };
  /** The node as an Atom feed document (RFC 4287), from the stored raw items. */
  'cache.exportNode': { params: NodeAddress; result: { atom: string; items: number } };
  /** The whole cache of the account as a versioned JSON document (src/cache/cacheExportFormat.ts). */
  'cache.exportAll': {
    params: Record<string, never>;
    result: { json: string; nodes: number; items: number };
  };
  /** Validates the whole file first and writes nothing unless it is valid; `dryRun` reports
   * what would happen (conflicts included) without writing. Conflicts are skipped by default. */
  'cache.importAll': {
    params: { json: string; onConflict?: ConflictChoice; dryRun?: boolean };
    result: ImportReport;
  };

  // The outbox (issue 17): writes are stored first and sent in order when online, exactly once
  // (the item id is chosen here). `publish` with the id of a queued or refused write edits it;
  // with the id of a published item it republishes (an edit, XEP-0060 §7.1.2).
  'outbox.list': { params: Record<string, never>; result: { entries: OutboxEntryView[] } };
  'outbox.publish': {
    params: NodeAddress & {
      itemId?: string;
      draft: DraftParams;
      parent?: ParentAddress;
      /** An edit keeps the post's first publication time (epoch ms). */
      published?: number;
    };
    result: { entry: OutboxEntryView };
  };
  'outbox.retract': {
    params: NodeAddress & { itemId: string; parent?: ParentAddress };
    result: { entry: OutboxEntryView };
  };
  /** Drops a queued or refused write; one being sent may still arrive. */
  'outbox.discard': { params: { seq: number }; result: Record<string, never> };
}

export type RpcMethod = keyof RpcMethods;
export type RpcParams<M extends RpcMethod> = RpcMethods[M]['params'];
export type RpcResult<M extends RpcMethod> = RpcMethods[M]['result'];

// ---------------------------------------------------------------------------------------------
// Events pushed by the worker to every connected page.

export interface RpcEvents {
  connection: ConnectionState;
  /** The database was upgraded by a newer worker or is failing: the page must tell the user. */
  storage: StorageState;
  /** A node's sync state or progress changed. */
  node: NodeView & { account: string };
  items: ItemsChangedEvent;
  /** The word index caught up with the posts syncs stored (schema v6): word searches that
   * said `indexing` may now find more. */
  wordsIndexed: Record<string, never>;
  /** The account's outbox changed: every write still waiting or refused, oldest first. */
  outbox: OutboxChangedEvent;
}

export type RpcEventName = keyof RpcEvents;

export interface StorageState {
  /** `deleted`: another tab or the browser deleted the database under the engine (issue 15). */
  status: 'ok' | 'full' | 'versionChanged' | 'deleted' | 'blocked' | 'upgradeFailed' | 'error';
  error?: RpcErrorData;
}

// ---------------------------------------------------------------------------------------------
// Messages on the port.

export type RpcRequest = {
  [M in RpcMethod]: { kind: 'request'; id: number; method: M; params: RpcParams<M> };
}[RpcMethod];

export type RpcResponse =
  | { kind: 'response'; id: number; ok: true; result: unknown }
  | { kind: 'response'; id: number; ok: false; error: RpcErrorData };

export type RpcEventMessage = {
  [E in RpcEventName]: { kind: 'event'; event: E; data: RpcEvents[E] };
}[RpcEventName];

/** First message on a new port: the worker confirms the channel and sends current state. */
export interface HelloMessage {
  kind: 'hello';
  channelId: string;
  protocol: ProtocolVersion;
  /** Build identifier of the worker, to detect a page and worker of different deployments. */
  build: string;
  connection: ConnectionState;
  /** The database's state, so a page that connects late still learns of a failed upgrade. */
  storage: StorageState;
}

export interface PongMessage {
  kind: 'pong';
  seq: number;
}

export type WorkerToPageMessage = RpcResponse | RpcEventMessage | HelloMessage | PongMessage;
export type PageToWorkerPortMessage = RpcRequest;

// ---------------------------------------------------------------------------------------------
// Messages through `controller.postMessage` (they wake the worker and extend its life).

export interface ConnectMessage {
  type: 'satchel.connect';
  channelId: string;
  protocol: ProtocolVersion;
}

export interface HeartbeatMessage {
  type: 'satchel.heartbeat';
  channelId: string;
  seq: number;
}

export type ControllerMessage = ConnectMessage | HeartbeatMessage;

/** Sent by the worker through `client.postMessage` when it does not know a channel (it restarted). */
export interface UnknownChannelMessage {
  type: 'satchel.unknownChannel';
  channelId: string;
}
