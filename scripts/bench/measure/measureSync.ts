import { SYNC_BATCH } from '../../../src/cache/fetchAllItems';
import { discoItemIds } from '../lib/discoItemIds';
import { cpuSnapshot, cpuSpent } from '../lib/processCpu';
import { median, round, roundSummary, summarize, type Summary } from '../lib/stats';
import type { StoreProbeResult } from '../page/storeProbe';
import type { SyncTiming } from '../page/syncTiming';
import type { BenchContext } from './BenchContext';

/** CPU ms by process during one run (renderer: page and worker; browser: IndexedDB here). */
type CpuSplit = Record<string, number>;

export interface SyncResult {
  items: number;
  batchSize: number;
  /** The id listing (disco#items, XEP-0060 §5.5) is in both sides of the ratio. */
  listing: 'included in both';
  sync: { runs: Array<SyncTiming & { cpu: CpuSplit }>; totalMs: Summary; itemsPerSecond: number };
  fetchOnly: {
    runs: Array<{
      discoMs: number;
      fetchMs: number;
      totalMs: number;
      items: number;
      cpu: CpuSplit;
    }>;
    totalMs: Summary;
    itemsPerSecond: number;
  };
  /** median(sync) / median(fetch only); target ≤ 1.3. */
  ratio: number;
  /** Follow → every post's words indexed (schema v6 indexes them after the sync). */
  indexed: { totalMs: Summary };
  /** median(sync and word index) / median(fetch only): the whole work, for the record. */
  ratioIndexed: number;
  /** The same with the fetch-only side less 100 × p50(cache.getNode), set by runBench: every
   * getItems answer through the cache gate carries the node view with its counts, which the
   * sync does not compute per batch. */
  ratioWithoutNodeCounts?: number;
  /** Where a stored batch's extra time goes (page/storeProbe.ts), per 100 posts. */
  storeProbe?: StoreProbeResult;
}

/** No further pair of runs once the measured runs have taken this long. */
const PAIR_BUDGET_MS = 240_000;

/**
 * Sync of the 10,000-post node against fetching the same posts through the same worker
 * without storing them, alternated (A B, then B A) so both see the same machine load. A sync
 * run is `cache.follow` to the `completed` event (analysis, subscribe, disco#items, 100 batches
 * by id, stored), then on to the word index catching up (reported apart; nothing else runs
 * meanwhile); before the next one `cache.unfollow` drops the node and its items. A
 * fetch-only run is the disco#items listing (timed from the Node peer) plus `pubsub.getItems`
 * with `useCache: false` and the same ids in the same batches (timed in the page).
 */
export async function measureSync(
  ctx: Omit<BenchContext, 'template'>,
  maxPairs: number,
): Promise<SyncResult> {
  const { page, address, prosody } = ctx;
  const cpu = () => cpuSnapshot(ctx.browser.userDataDir, { prosody: prosody.server.pid });
  const syncs: SyncResult['sync']['runs'] = [];
  const fetches: SyncResult['fetchOnly']['runs'] = [];
  const syncOnceTimed = async (): Promise<void> => {
    if (syncs.length > 0)
      await page.evaluate((a) => window.satchelBench.call('cache.unfollow', a), address);
    const before = cpu();
    const timing = await syncOnce(ctx);
    if (timing.itemCount !== prosody.seed.count)
      throw new Error(
        `sync stored ${timing.itemCount ?? '?'} items, expected ${prosody.seed.count}`,
      );
    syncs.push({ ...timing, cpu: cpuSpent(before, cpu()) });
    ctx.log(
      `  sync ${syncs.length}: ${Math.round(timing.totalMs)} ms, words indexed at ${Math.round(timing.indexedMs)} ms`,
    );
  };
  const fetchOnce = async (): Promise<void> => {
    const before = cpu();
    const started = performance.now();
    const ids = await discoItemIds(prosody.publisher, address.service, address.node);
    const discoMs = performance.now() - started;
    const fetched = await page.evaluate(
      ([a, list, batch]) => window.satchelBench.fetchByIds(a, list, batch),
      [address, ids, SYNC_BATCH] as const,
    );
    if (fetched.items !== prosody.seed.count)
      throw new Error(`fetch-only got ${fetched.items} items, expected ${prosody.seed.count}`);
    const totalMs = discoMs + fetched.ms;
    fetches.push({
      discoMs,
      fetchMs: fetched.ms,
      totalMs,
      items: fetched.items,
      cpu: cpuSpent(before, cpu()),
    });
    ctx.log(
      `  fetch-only ${fetches.length}: ${Math.round(totalMs)} ms (disco#items ${Math.round(discoMs)} ms)`,
    );
  };
  // The budget counts the measured runs, not the wait for the word index between them (minutes
  // in the saved profile, where every word joins an index of millions of entries).
  const spent = () => [...syncs, ...fetches].reduce((total, run) => total + run.totalMs, 0);
  for (let i = 0; i < maxPairs; i++) {
    if (i > 0 && spent() > PAIR_BUDGET_MS) break;
    // The first sync must come first: the node is not cached before it.
    if (i % 2 === 0) {
      await syncOnceTimed();
      await fetchOnce();
    } else {
      await fetchOnce();
      await syncOnceTimed();
    }
  }
  const storeProbe = await page.evaluate((at) => window.satchelBench.storeProbe(at), {
    account: ctx.account,
    ...address,
  });
  const count = prosody.seed.count;
  const syncMs = syncs.map((s) => s.totalMs);
  const fetchMs = fetches.map((f) => f.totalMs);
  const indexedMs = syncs.map((s) => s.indexedMs);
  return {
    items: count,
    batchSize: SYNC_BATCH,
    listing: 'included in both',
    sync: {
      runs: syncs,
      totalMs: roundSummary(summarize(syncMs)),
      itemsPerSecond: round(count / (median(syncMs) / 1000)),
    },
    fetchOnly: {
      runs: fetches,
      totalMs: roundSummary(summarize(fetchMs)),
      itemsPerSecond: round(count / (median(fetchMs) / 1000)),
    },
    ratio: round(median(syncMs) / median(fetchMs)),
    indexed: { totalMs: roundSummary(summarize(indexedMs)) },
    ratioIndexed: round(median(indexedMs) / median(fetchMs)),
    storeProbe,
  };
}

/** Follows and syncs the node once (unmeasured when the sync measurement is skipped). */
export function syncOnce(ctx: Omit<BenchContext, 'template'>): Promise<SyncTiming> {
  return ctx.page.evaluate((a) => window.satchelBench.syncByFollow(a, 900_000), ctx.address);
}
