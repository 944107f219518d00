import type { AnalyserRegistry } from '../analysers/analyserRegistry';
import type { ItemStore } from '../db/itemStore';
import type { NodeStore } from '../db/nodeStore';
import type { IqCaller } from '../pubsub/IqCaller';
import type { ItemsChangedEvent } from '../shared/protocol';
import type { NodeRecord } from '../shared/records';
import type { SatchelError } from '../shared/SatchelError';

/** The cache's collaborators, passed by name (tests pass fakes or fake-indexeddb stores). */
export interface CacheDeps {
  /** The live session of an account; throws 'not-signed-in' / 'connection-lost' without one. */
  iq: (account: string) => IqCaller;
  nodes: NodeStore;
  items: ItemStore;
  registry: AnalyserRegistry;
  now: () => number;
  random: () => number;
  /** A node's state changed (sync progress, error, subscription...). */
  emitNode: (account: string, node: NodeRecord) => void;
  emitItems: (event: ItemsChangedEvent) => void;
  /** The word indexer emptied its queue: word searches now see every cached post. */
  emitWordsIndexed?: () => void;
  /** A write failed for lack of space: the whole app must say "storage full" (issue 3). */
  onStorageFull?: (error: SatchelError) => void;
  /** Keeps the worker alive while background work (a sync) runs. */
  track: (work: Promise<unknown>) => void;
  log: (message: string, detail?: unknown) => void;
}

export interface NodeKey {
  account: string;
  service: string;
  node: string;
}

export const keyString = (k: NodeKey): string => JSON.stringify([k.account, k.service, k.node]);
