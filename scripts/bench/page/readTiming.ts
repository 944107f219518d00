import type { RpcClient } from '../../../src/rpc/client/createRpcClient';
import type { GetItemsParams } from '../../../src/shared/protocol';

export interface ReadTimings {
  /** Milliseconds per request, page to worker and back, measured in the page. */
  cache: number[];
  server: number[];
  cacheItems: number;
  serverItems: number;
  cacheSource: string;
  serverSource: string;
}

async function timed(rpc: RpcClient, params: GetItemsParams) {
  const started = performance.now();
  const page = await rpc.call('pubsub.getItems', params, 30_000);
  return { ms: performance.now() - started, page };
}

/**
 * The newest page of a node from the cache, `runs` times after `warmup` (fewer when over
 * `budgetMs`), and the same page from the server (`useCache: false`) once every `serverEvery`
 * cache reads, interleaved so both see the same machine load.
 */
export async function readTimings(
  rpc: RpcClient,
  params: GetItemsParams,
  options: { runs: number; warmup: number; serverEvery: number; budgetMs: number },
): Promise<ReadTimings> {
  const result: ReadTimings = {
    cache: [],
    server: [],
    cacheItems: 0,
    serverItems: 0,
    cacheSource: '',
    serverSource: '',
  };
  for (let i = 0; i < options.warmup; i++) await timed(rpc, params);
  await timed(rpc, { ...params, useCache: false });
  const deadline = performance.now() + options.budgetMs;
  // At least 30 cache reads (and 6 server reads), then stop at the budget.
  for (let i = 0; i < options.runs && (i < 30 || performance.now() < deadline); i++) {
    const cached = await timed(rpc, params);
    result.cache.push(cached.ms);
    result.cacheItems = cached.page.items.length;
    result.cacheSource = cached.page.source;
    if (i % options.serverEvery === 0) {
      const fresh = await timed(rpc, { ...params, useCache: false });
      result.server.push(fresh.ms);
      result.serverItems = fresh.page.items.length;
      result.serverSource = fresh.page.source;
    }
  }
  return result;
}

/** A query timed `runs` times (after one warm-up), stopping early after `budgetMs`. */
export async function timeQuery<T>(
  run: () => Promise<T>,
  runs: number,
  budgetMs: number,
): Promise<{ ms: number[]; last: T }> {
  let last = await run();
  const ms: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < runs && (i < 3 || performance.now() < deadline); i++) {
    const started = performance.now();
    last = await run();
    ms.push(performance.now() - started);
  }
  return { ms, last };
}
