/**
 * The benchmark's code inside the app's page, loaded with `import('/bench/benchPage.js')`
 * (built by lib/buildBench.ts next to the app, not precached). It talks to the worker through
 * the app's own RPC client (src/rpc/client), times in the page with performance.now(), and
 * exposes everything as `window.satchelBench` for page.evaluate().
 */
import { createRpcClient } from '../../../src/rpc/client/createRpcClient';
import type {
  GetItemsParams,
  NodeAddress,
  RpcMethod,
  RpcParams,
} from '../../../src/shared/protocol';
import { rowSummary } from '../../../src/ui/format/rowSummary';
import { armCatchUp, armedCatchUp, cachedItemIds } from './catchUpTiming';
import { newPostShown, whenDom, type RenderTime } from './domWatch';
import { epochNow } from './epoch';
import { idbProbe } from './idbProbe';
import { importItems, type ImportRequest } from './importItems';
import { readTimings, timeQuery } from './readTiming';
import { storeProbe } from './storeProbe';
import { fetchByIds, syncByFollow, wordsIndexed } from './syncTiming';

const rpc = createRpcClient({
  container: navigator.serviceWorker,
  requestTimeoutMs: 60_000,
  heartbeatMs: 10_000,
  helloTimeoutMs: 10_000,
  isVisible: () => document.visibilityState === 'visible',
  onVisible: (listener) => {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') listener();
    });
  },
  newChannelId: () => `bench-${crypto.randomUUID()}`,
  log: (message, detail) => {
    console.warn(`[bench] ${message}`, detail);
  },
});
const ready = rpc.start();
const itemsEventAt = new Map<string, number>();
let armed: Promise<RenderTime> | undefined;

/** Any method by name, also ones this checkout's protocol.ts does not declare yet. */
function callAny(method: string, params: unknown, timeoutMs = 60_000): Promise<unknown> {
  return rpc.call(method as RpcMethod, params as RpcParams<RpcMethod>, timeoutMs);
}

/** What a query answered, for the report: how many items, the total when it says (and
 * whether it is exact), and the worker's own time when it says (search.query's tookMs). */
function resultSize(result: unknown): {
  items?: number;
  total?: number;
  totalExact?: boolean;
  workerMs?: number;
} {
  const r = result as {
    items?: unknown;
    hits?: unknown;
    total?: unknown;
    totalExact?: unknown;
    tookMs?: unknown;
  } | null;
  const list = Array.isArray(r?.items) ? r.items : Array.isArray(r?.hits) ? r.hits : undefined;
  return {
    ...(list && { items: list.length }),
    ...(typeof r?.total === 'number' && { total: r.total }),
    ...(typeof r?.totalExact === 'boolean' && { totalExact: r.totalExact }),
    ...(typeof r?.tookMs === 'number' && { workerMs: r.tookMs }),
  };
}

const api = {
  ready: () => ready,
  epochNow,
  call: (method: string, params: unknown, timeoutMs?: number) =>
    ready.then(() => callAny(method, params, timeoutMs)),
  syncByFollow: (address: NodeAddress, timeoutMs: number) =>
    ready.then(() => syncByFollow(rpc, address, timeoutMs)),
  fetchByIds: (address: NodeAddress, ids: string[], batchSize: number) =>
    ready.then(() => fetchByIds(rpc, address, ids, batchSize)),
  readTimings: (
    params: GetItemsParams,
    options: { runs: number; warmup: number; serverEvery: number; budgetMs: number },
  ) => ready.then(() => readTimings(rpc, params, options)),
  /** Times any RPC call; the result is reduced to its size. */
  timeRpc: async (method: string, params: unknown, runs: number, budgetMs: number) => {
    await ready;
    const workerMs: number[] = [];
    const { ms, last } = await timeQuery(
      async () => {
        const result = await callAny(method, params);
        const took = resultSize(result).workerMs;
        if (took !== undefined) workerMs.push(took);
        return result;
      },
      runs,
      budgetMs,
    );
    // The first call is timeQuery's warm-up.
    return { ...resultSize(last), ms, workerMs: workerMs.slice(1) };
  },
  /** Starts noting when the worker's `items` event announces each id of `address`. */
  recordItemsEvents: async (address: NodeAddress) => {
    await ready;
    rpc.on('items', (event) => {
      if (event.service !== address.service || event.node !== address.node) return;
      const at = epochNow();
      for (const id of event.upserted) if (!itemsEventAt.has(id)) itemsEventAt.set(id, at);
    });
  },
  itemsEventAt: (id: string) => itemsEventAt.get(id),
  /** Starts watching for post `itemId` in the feed, or a "N new posts" control with N ≥ count
   * (armed before the post is published, so the time is the DOM change's, not a late check's). */
  armNewPost: (itemId: string, count: number, timeoutMs: number): void => {
    armed = whenDom(newPostShown(itemId, count), timeoutMs);
    armed.catch(() => undefined); // awaited through armedResult(); not unhandled meanwhile
  },
  armedResult: (): Promise<RenderTime> => armed ?? Promise.reject(new Error('not armed')),
  /** The newest page as the feed's rows show it (the app's own row summary), for the static
   * page the cold start is compared with. */
  rowSummaries: async (params: GetItemsParams) => {
    await ready;
    const page = await rpc.call('pubsub.getItems', params);
    return page.items.map((item) => ({ id: item.id, ...rowSummary(item, true) }));
  },
  importItems: (request: ImportRequest) => ready.then(() => importItems(rpc, request)),
  idbProbe,
  storeProbe: (at: { account: string; service: string; node: string }) =>
    ready.then(() => storeProbe(rpc, at)),
  /** Watches for the session to come back and `address` to converge (catchUpTiming.ts). */
  armCatchUp: async (address: NodeAddress, lastSyncAtBefore: number, timeoutMs: number) => {
    await ready;
    armCatchUp(rpc, address, lastSyncAtBefore, timeoutMs);
  },
  armedCatchUp,
  cachedItemIds,
  /** Resolves once the word index holds every stored post (schema v6 indexes after storing). */
  wordsIndexed: (address: NodeAddress, timeoutMs: number) =>
    ready.then(() => wordsIndexed(rpc, address, timeoutMs)),
};

export type BenchPageApi = typeof api;

declare global {
  interface Window {
    satchelBench: BenchPageApi;
  }
}

window.satchelBench = api;
