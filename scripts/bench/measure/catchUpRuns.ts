import { SYNC_BATCH } from '../../../src/cache/fetchAllItems';
import { connectPeer } from '../../lib/xmppPeer';
import { makeAwayChanges, type AwayChanges } from '../lib/awayChanges';
import { cacheMatchesServer, type CacheCheck } from '../lib/cacheMatchesServer';
import type { CountingProxy, WireStretch } from '../lib/countingProxy';
import { discoItemIds } from '../lib/discoItemIds';
import { round } from '../lib/stats';
import type { BenchContext } from './BenchContext';

/** The catch-up phase's browser, signed in through the counting proxy. */
export type CatchUpCtx = Omit<BenchContext, 'template'> & { counting: CountingProxy };

export interface CatchUpRun {
  /** The page got the `connection` event saying online → the `node` event saying converged. */
  onlineToConvergedMs: number;
  /** The same on the worker's clock: its online state's `since` → the node's `lastSyncAt`. */
  workerOnlineToConvergedMs: number;
  /** Online → the node said it catches up (the page's events). */
  onlineToRunningMs?: number;
  /** From the network's return (the proxy passes again) to convergence: reconnection included. */
  wire: WireStretch;
  exact: CacheCheck;
}

export interface FullFetchRun {
  listingMs: number;
  fetchMs: number;
  totalMs: number;
  items: number;
  wire: WireStretch;
}

const CONVERGE_TIMEOUT_MS = 120_000;
const INDEX_TIMEOUT_MS = 300_000;

async function waitUntilNotOnline(ctx: CatchUpCtx, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = (await ctx.page.evaluate(() =>
      window.satchelBench.call('session.state', {}),
    )) as { status: string };
    if (state.status !== 'online') return;
    if (Date.now() > deadline)
      throw new Error(`the session still says online after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * One absence: the network cut at the proxy (the worker notices and reconnects with back-off),
 * Prosody restarted (its XEP-0198 sessions are gone: no resumption), 20 changes by the
 * publisher, then the network back and an immediate reconnect; measured until converged.
 */
export async function catchUpOnce(
  ctx: CatchUpCtx,
  absence: { run: number; runId: string; avoid: ReadonlySet<string> },
  made: AwayChanges[],
) {
  const { page, address, counting } = ctx;
  const before = (await page.evaluate(
    (a) => window.satchelBench.call('cache.getNode', a),
    address,
  )) as { node: { lastSyncAt?: number; syncState: string } | null };
  if (before.node?.syncState !== 'completed') throw new Error('the node is not synced');
  counting.proxy.cut();
  await waitUntilNotOnline(ctx);
  await ctx.prosody.restart();
  const changes = await makeAwayChanges(ctx.prosody, absence.run, absence.runId, absence.avoid);
  made.push(changes);
  await page.evaluate(([a, since, timeout]) => window.satchelBench.armCatchUp(a, since, timeout), [
    address,
    before.node.lastSyncAt ?? 0,
    CONVERGE_TIMEOUT_MS,
  ] as const);
  counting.startStretch();
  counting.proxy.pass();
  await page.evaluate(() => window.satchelBench.call('session.reconnectNow', {}, 30_000));
  const timing = await page.evaluate(() => window.satchelBench.armedCatchUp());
  const wire = counting.endStretch(address);
  const exact = await cacheMatchesServer(
    page,
    ctx.prosody,
    { account: ctx.account, ...address },
    changes,
  );
  // The posts the catch-up stored are word-indexed afterwards: not during the next measurement.
  await page.evaluate(([a, t]) => window.satchelBench.wordsIndexed(a, t), [
    address,
    INDEX_TIMEOUT_MS,
  ] as const);
  const result: CatchUpRun = {
    onlineToConvergedMs: round(timing.convergedAt - timing.onlineAt),
    workerOnlineToConvergedMs: timing.workerLastSyncAt - timing.workerOnlineSince,
    ...(timing.runningAt !== undefined && {
      onlineToRunningMs: round(timing.runningAt - timing.onlineAt),
    }),
    wire,
    exact,
  };
  return result;
}

/**
 * What a catch-up spares: the listing (a Node peer through the same proxy) and every item by id
 * through the worker, batches of 100, `useCache: false` (the sync phase's fetch-only).
 */
export async function fullFetchOnce(ctx: CatchUpCtx): Promise<FullFetchRun> {
  const { page, address, prosody, counting } = ctx;
  const wsUrl = counting.proxy.wsUrlFor(prosody.server.wsUrl);
  const lister = await connectPeer({ wsUrl, ...prosody.seed.publisher });
  try {
    counting.startStretch();
    const started = performance.now();
    const ids = await discoItemIds(lister, address.service, address.node);
    const listingMs = performance.now() - started;
    const fetched = await page.evaluate(
      ([a, list, batch]) => window.satchelBench.fetchByIds(a, list, batch),
      [address, ids, SYNC_BATCH] as const,
    );
    const wire = counting.endStretch(address);
    if (fetched.items !== ids.length)
      throw new Error(`the full re-fetch got ${fetched.items} of ${ids.length} items`);
    return {
      listingMs: round(listingMs),
      fetchMs: round(fetched.ms),
      totalMs: round(listingMs + fetched.ms),
      items: fetched.items,
      wire,
    };
  } finally {
    await lister.stop();
  }
}
