import type { RpcClient } from '../../../src/rpc/client/createRpcClient';
import type { NodeAddress } from '../../../src/shared/protocol';
import { epochNow } from './epoch';

export interface CatchUpTiming {
  /** The `connection` event saying online reached the page (page clock, epoch ms). */
  onlineAt: number;
  /** The first `node` event saying the node catches up reached the page. */
  runningAt?: number;
  /** The `node` event saying it converged (no `catchUp`, a new `lastSyncAt`) reached the page. */
  convergedAt: number;
  /** The worker's own stamps (Date.now()): when it said online, and the new `lastSyncAt`. */
  workerOnlineSince: number;
  workerLastSyncAt: number;
  itemCount?: number;
}

let armed: Promise<CatchUpTiming> | undefined;

/**
 * Starts watching the worker's events for the session coming back online (a new stream: a
 * resumed one rejects) and `address` converging after it: its `node` event with no `catchUp`
 * and a `lastSyncAt` after `lastSyncAtBefore`. A failed catch-up rejects. Armed before the
 * network returns, so no event is missed; `armedCatchUp()` awaits the result.
 */
export function armCatchUp(
  rpc: RpcClient,
  address: NodeAddress,
  lastSyncAtBefore: number,
  timeoutMs: number,
): void {
  const offs: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  armed = new Promise<CatchUpTiming>((resolve, reject) => {
    let online: { at: number; since: number } | undefined;
    let runningAt: number | undefined;
    timer = setTimeout(
      () => reject(new Error(`${address.node} did not converge within ${timeoutMs} ms`)),
      timeoutMs,
    );
    offs.push(
      rpc.on('connection', (state) => {
        if (state.status !== 'online' || online) return;
        if (state.resumed) reject(new Error('the session was resumed (XEP-0198): no catch-up'));
        online = { at: epochNow(), since: state.since };
      }),
      rpc.on('node', (view) => {
        if (view.service !== address.service || view.node !== address.node) return;
        const at = epochNow();
        if (view.catchUp?.state === 'failed')
          reject(
            new Error(`catch-up failed: ${view.catchUp.error.code} ${view.catchUp.error.message}`),
          );
        if (view.catchUp?.state === 'running') runningAt ??= at;
        const converged = view.catchUp === undefined && (view.lastSyncAt ?? 0) > lastSyncAtBefore;
        if (!converged) return;
        if (!online) {
          reject(new Error('the node converged before the session said online'));
          return;
        }
        resolve({
          onlineAt: online.at,
          ...(runningAt !== undefined && { runningAt }),
          convergedAt: at,
          workerOnlineSince: online.since,
          workerLastSyncAt: view.lastSyncAt ?? 0,
          ...(view.itemCount !== undefined && { itemCount: view.itemCount }),
        });
      }),
    );
  }).finally(() => {
    clearTimeout(timer);
    for (const off of offs) off();
  });
  armed.catch(() => undefined); // awaited through armedCatchUp(); not unhandled meanwhile
}

export function armedCatchUp(): Promise<CatchUpTiming> {
  return armed ?? Promise.reject(new Error('armCatchUp() was not called'));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** The node's cached item ids, sorted, read from the worker's database (primary keys only:
 * `[account, service, node, itemId]`, src/db/versions). */
export async function cachedItemIds(at: {
  account: string;
  service: string;
  node: string;
}): Promise<string[]> {
  const db = await request(indexedDB.open('satchel'));
  try {
    const range = IDBKeyRange.bound(
      [at.account, at.service, at.node, -Infinity],
      [at.account, at.service, at.node, []],
    );
    const keys = await request(
      db.transaction('items', 'readonly').objectStore('items').getAllKeys(range),
    );
    return keys
      .map((key) => (Array.isArray(key) ? key[3] : undefined))
      .filter((id): id is string => typeof id === 'string')
      .sort();
  } finally {
    db.close();
  }
}
