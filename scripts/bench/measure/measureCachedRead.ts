import { round, roundSummary, summarize, type Summary } from '../lib/stats';
import type { ProbeTimings } from '../page/idbProbe';
import type { BenchContext } from './BenchContext';

export interface CachedReadResult {
  items: number;
  cache: Summary;
  server: Summary;
  /** p50(cache) / p50(server); target ≤ 0.1. */
  ratio: number;
  /** Where a cached read's time goes (see docs/benchmarks.md). */
  breakdown: {
    /** `cache.getNode`: the node view with its counts, which every getItems answer carries. */
    getNodeRpc: Summary;
    /** Raw IndexedDB in the page on the same database: medians of 7 (ms), row size. */
    idb: ProbeTimings;
  };
}

/**
 * The newest 20 posts of the synced 10,000-post node through the RPC (`pubsub.getItems`,
 * max 20), timed in the page from request to answer (200 reads, or as many as fit in a
 * minute, at least 30), against the same page from the server
 * through the same session (`useCache: false`), interleaved one server read per five. Then
 * the parts: the node view alone, and the IndexedDB requests behind both.
 */
export async function measureCachedRead(ctx: BenchContext, runs = 200): Promise<CachedReadResult> {
  const { page, address } = ctx;
  const params = { ...address, max: 20 };
  const timings = await page.evaluate(
    ([p, r]) =>
      window.satchelBench.readTimings(p, { runs: r, warmup: 10, serverEvery: 5, budgetMs: 60_000 }),
    [params, runs] as const,
  );
  if (timings.cacheSource !== 'cache' || timings.cacheItems !== 20)
    throw new Error(`cached read answered ${timings.cacheItems} items from ${timings.cacheSource}`);
  if (timings.serverSource !== 'server' || timings.serverItems !== 20)
    throw new Error(
      `server read answered ${timings.serverItems} items from ${timings.serverSource}`,
    );
  const getNode = await page.evaluate(
    (a) => window.satchelBench.timeRpc('cache.getNode', a, 30, 5_000),
    address,
  );
  const idb = await page.evaluate((a) => window.satchelBench.idbProbe(a), {
    account: ctx.account,
    ...address,
  });
  return {
    items: 20,
    cache: roundSummary(summarize(timings.cache)),
    server: roundSummary(summarize(timings.server)),
    ratio: round(summarize(timings.cache).p50 / summarize(timings.server).p50),
    breakdown: { getNodeRpc: roundSummary(summarize(getNode.ms)), idb },
  };
}
