import { mapConcurrently } from '../pubsub/mapConcurrently';
import type { NodeRecord } from '../shared/records';
import { SatchelError } from '../shared/SatchelError';
import { reconnectDelay } from '../xmpp/reconnectDelay';
import { keyString, type CacheDeps, type NodeKey } from './CacheDeps';
import { catchUpNode } from './catchUpNode';
import { patchAndEmit } from './patchAndEmit';

/** Catch-ups in flight at once: one listing each, a service is not flooded at reconnect. */
const CONCURRENCY = 3;
const RETRY = { baseMs: 5_000, maxMs: 30 * 60_000 };

/**
 * Runs catch-ups of synced nodes (catchUpNode.ts) and says so on each node: `catchUp.running`
 * while it runs, and only a converged node gets a new `lastSyncAt` (the UI's "Synced"). A
 * failed catch-up keeps every cached item, records its reason on the node and is retried with
 * back-off; a session that returns later catches every synced node up again anyway.
 */
export function createCatchUp(deps: CacheDeps) {
  const running = new Map<string, Promise<void>>();
  const retries = new Map<string, { key: NodeKey; timer: ReturnType<typeof setTimeout> }>();
  /** Failed attempts in a row, also when the database refused to record them (storage full). */
  const failures = new Map<string, number>();

  const patch = (key: NodeKey, changes: Partial<NodeRecord>) => patchAndEmit(deps, key, changes);

  async function run(key: NodeKey): Promise<void> {
    const record = await deps.nodes.get(key);
    if (record?.syncState !== 'completed') return;
    const id = keyString(key);
    const recorded = record.catchUp?.state === 'failed' ? record.catchUp.attempts : 0;
    const attempts = Math.max(recorded, failures.get(id) ?? 0);
    try {
      // Inside the try: a full disk refuses this write too, and that failure is retried as well.
      if (record.catchUp?.state !== 'running')
        await patch(key, { catchUp: { state: 'running', since: deps.now() } });
      const result = await catchUpNode(deps, key, record);
      if (result.outcome === 'nodeDeleted') return;
      await patch(key, { catchUp: undefined, lastSyncAt: deps.now() });
      failures.delete(id);
    } catch (caught) {
      const error = SatchelError.from(caught, 'remote-error');
      const now = deps.now();
      const delay = reconnectDelay(attempts, deps.random, RETRY);
      failures.set(id, attempts + 1);
      deps.log(`catch-up of ${key.node} failed: ${error.message}`);
      if (error.code === 'storage-full') deps.onStorageFull?.(error);
      await patch(key, {
        catchUp: {
          state: 'failed',
          code: error.code,
          message: error.message,
          at: now,
          attempts: attempts + 1,
          retryAt: now + delay,
        },
      }).catch((e: unknown) => deps.log('could not record a failed catch-up', e));
      clearTimeout(retries.get(id)?.timer);
      retries.set(id, { key, timer: setTimeout(() => void catchUp(key), delay) });
    }
  }

  /** Starts (or joins) the catch-up of one node. Never rejects: failures are on the node. */
  function catchUp(key: NodeKey): Promise<void> {
    const id = keyString(key);
    clearTimeout(retries.get(id)?.timer);
    retries.delete(id);
    const existing = running.get(id);
    if (existing) return existing;
    const work = run(key)
      .catch((e: unknown) => deps.log(`catch-up of ${key.node} failed`, e))
      .finally(() => running.delete(id));
    running.set(id, work);
    deps.track(work);
    return work;
  }

  return {
    catchUp,
    /** Runs every catch-up that waits for its retry now (the reader freed space and tries again). */
    retryNow(): void {
      for (const { key } of [...retries.values()]) void catchUp(key);
    },
    /** Catches up every given node, a few at a time; all say "catching up" from the start. */
    async catchUpAll(account: string, records: readonly NodeRecord[]): Promise<void> {
      const keys = records.map((r) => ({ account, service: r.service, node: r.node }));
      const since = deps.now();
      for (const key of keys)
        await patch(key, { catchUp: { state: 'running', since } }).catch((e: unknown) =>
          deps.log('could not mark a catch-up', e),
        );
      await mapConcurrently(keys, CONCURRENCY, catchUp);
    },
  };
}

export type CatchUp = ReturnType<typeof createCatchUp>;
