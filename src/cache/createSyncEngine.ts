import { detectCapabilities } from '../pubsub/detectCapabilities';
import { getServiceInfo } from '../pubsub/getServiceInfo';
import { subscribe } from '../pubsub/subscribe';
import type { NodeRecord } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import { reconnectDelay } from '../xmpp/reconnectDelay';
import { keyString, type CacheDeps, type NodeKey } from './CacheDeps';
import { fetchAllItems } from './fetchAllItems';
import { hasRetention } from './fetchNewestWithinRetention';
import { patchAndEmit } from './patchAndEmit';
import { storeItems } from './storeItems';
import { syncWithinRetention } from './syncWithinRetention';

const RETRY = { baseMs: 30_000, maxMs: 6 * 3600_000 };

/**
 * Complete sync of a node: subscribe (XEP-0060 §6.1), then fetch every item into IndexedDB,
 * one transaction per batch, recording a cursor so an interrupted sync resumes where it
 * stopped. Marked `completed` only when every listed item is stored. On error the node is
 * `error` with its reason, cached items stay, and a retry is scheduled with back-off. A node
 * with a retention policy fetches only what the policy keeps (syncWithinRetention.ts).
 * `onIdle` runs when the last running sync ends: the word indexer's cue.
 */
export function createSyncEngine(deps: CacheDeps, hooks: { onIdle?: () => void } = {}) {
  const running = new Map<string, Promise<void>>(); // keyed by account too: accounts never collide
  const rsmByService = new Map<string, boolean>();
  const retries = new Map<string, { key: NodeKey; timer: ReturnType<typeof setTimeout> }>();
  /** Failed syncs whose state the database refused to store (storage full), by node. */
  const unsaved = new Map<string, Partial<NodeRecord>>();

  const patch = (key: NodeKey, changes: Partial<NodeRecord>) => patchAndEmit(deps, key, changes);

  async function serviceHasRsm(key: NodeKey): Promise<boolean> {
    const cacheKey = `${key.account}\u0000${key.service}`;
    const known = rsmByService.get(cacheKey);
    if (known !== undefined) return known;
    // A service that will not describe itself (another user's PEP without a presence
    // subscription answers service-unavailable) is paged the way that works everywhere.
    const info = await getServiceInfo(deps.iq(key.account), key.service).catch(() => undefined);
    const rsm = info ? detectCapabilities(info).rsm : false;
    rsmByService.set(cacheKey, rsm);
    return rsm;
  }

  async function run(key: NodeKey): Promise<void> {
    const id = keyString(key);
    const record = await deps.nodes.get(key);
    if (!record || record.syncState === 'noSync') return;
    const analyser = record.analyser === undefined ? undefined : deps.registry.get(record.analyser);
    // A new attempt: views show the stored state again until it too fails (recordFailure).
    const held = unsaved.get(id);
    unsaved.delete(id);
    try {
      // Inside the try: a full disk refuses this write too, and that failure is retried as well.
      await patch(key, {
        syncState: 'inProgress',
        syncStateAt: deps.now(),
        syncProgress: { done: 0 },
      });
      const iq = deps.iq(key.account);
      if (record.subscription !== 'subscribed') {
        const sub = await subscribe(iq, { service: key.service, node: key.node, jid: key.account });
        await patch(key, { subscription: sub.state });
        // Without a subscription no live event arrives: the cache would silently go stale.
        if (sub.state !== 'subscribed')
          throw new SatchelError('not-authorized', `subscription is ${sub.state}`);
      }
      const fetched = hasRetention(record.retention)
        ? { serverIds: await syncWithinRetention(deps, iq, key, analyser, record.retention) }
        : await fetchAllItems(iq, key, {
            rsm: await serviceHasRsm(key),
            ...(record.syncCursor && { cursor: record.syncCursor }),
            onBatch: async (items, cursor, done, total) => {
              // Words wait for the word indexer: a sync stores first (issue 8 §1).
              await storeItems(deps, key, analyser, items, { queueWords: true });
              await patch(key, {
                syncCursor: cursor,
                syncProgress: total === undefined ? { done } : { done, total },
              });
            },
          });
      if (fetched.serverIds) await dropStale(key, fetched.serverIds);
      if (fetched.listing) await deps.nodes.putListing(key, fetched.listing, deps.now());
      const now = deps.now();
      await patch(key, {
        syncState: 'completed',
        syncStateAt: now,
        lastSyncAt: now,
        syncCursor: undefined,
        syncError: undefined,
        catchUp: undefined,
        syncProgress: undefined,
      });
    } catch (caught) {
      const error = SatchelError.from(caught, 'remote-error');
      const previous = held?.syncError ?? record.syncError;
      const attempts = (previous?.attempts ?? 0) + 1;
      const delay = reconnectDelay(attempts - 1, deps.random, RETRY);
      const now = deps.now();
      deps.log(`sync of ${key.node} failed: ${error.message}`);
      // Retried whether or not the failure can be written down: a full disk refuses that too.
      scheduleRetry(key, delay);
      if (error.code === 'storage-full') deps.onStorageFull?.(error);
      await recordFailure(key, {
        syncState: 'error',
        syncStateAt: now,
        syncError: {
          code: error.code,
          message: error.message,
          at: now,
          attempts,
          retryAt: now + delay,
        },
      });
    }
  }

  /**
   * Stores a failed sync's state, or, when the database refuses the write (storage full), keeps
   * it in memory: the pages are told all the same, and views show it until a state is stored.
   */
  async function recordFailure(key: NodeKey, failure: Partial<NodeRecord>): Promise<void> {
    const id = keyString(key);
    try {
      await patch(key, failure);
      unsaved.delete(id);
    } catch (refused) {
      deps.log(`could not record the failed sync of ${key.node}`, refused);
      unsaved.set(id, failure);
      const stored = await deps.nodes.get(key).catch(() => undefined);
      if (stored) deps.emitNode(key.account, { ...stored, ...failure });
    }
  }

  /** Items cached earlier that the server no longer lists were retracted while we missed it. */
  async function dropStale(key: NodeKey, serverIds: Set<string>): Promise<void> {
    const cached = await deps.items.listItemIds(key.account, key.service, key.node);
    const stale = cached.filter((id) => !serverIds.has(id));
    if (stale.length === 0) return;
    await deps.items.deleteItems(key.account, key.service, key.node, stale);
    deps.emitItems({ ...key, upserted: [], retracted: stale });
  }

  function scheduleRetry(key: NodeKey, delay: number): void {
    const id = keyString(key);
    clearTimeout(retries.get(id)?.timer);
    const timer = setTimeout(
      () => void sync(key).catch((e: unknown) => deps.log('retry failed', e)),
      delay,
    );
    retries.set(id, { key, timer });
  }

  /** Starts (or joins) the sync of a node. */
  function sync(key: NodeKey): Promise<void> {
    const id = keyString(key);
    clearTimeout(retries.get(id)?.timer);
    retries.delete(id);
    const existing = running.get(id);
    if (existing) return existing;
    const work = run(key).finally(() => {
      running.delete(id);
      if (running.size === 0) hooks.onIdle?.();
    });
    running.set(id, work);
    deps.track(work);
    return work;
  }

  return {
    sync,
    /** Runs every sync that waits for its retry now (the reader freed space and tries again). */
    retryNow(): void {
      for (const { key } of [...retries.values()])
        void sync(key).catch((e: unknown) => deps.log('retry failed', e));
    },
    /** The record as the pages should see it: with a failure the database refused to store. */
    withUnsaved(record: NodeRecord): NodeRecord {
      // Not only once the run is over: a page reading the node between the failure and the
      // run's end must not get the stored "in progress" back for good.
      const failure = unsaved.get(keyString(record));
      return failure ? { ...record, ...failure } : record;
    },
    isRunning: (key: NodeKey): boolean => running.has(keyString(key)),
    /** Whether any sync runs (the word indexer waits for none). */
    busy: (): boolean => running.size > 0,
    /** Forget what was learnt of services (after a reconnect the server may have changed). */
    reset(): void {
      rsmByService.clear();
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
