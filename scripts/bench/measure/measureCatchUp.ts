import { AWAY_CHANGES, undoAwayChanges, type AwayChanges } from '../lib/awayChanges';
import { launchBenchBrowser } from '../lib/benchBrowser';
import { discoItemIds } from '../lib/discoItemIds';
import { startCountingProxy } from '../lib/countingProxy';
import { openSignedIn } from '../lib/openApp';
import { median, round, roundSummary, summarize, type Summary } from '../lib/stats';
import type { BenchContext } from './BenchContext';
import {
  catchUpOnce,
  fullFetchOnce,
  type CatchUpCtx,
  type CatchUpRun,
  type FullFetchRun,
} from './catchUpRuns';
import { syncOnce } from './measureSync';

export type { CatchUpRun, FullFetchRun } from './catchUpRuns';

export interface CatchUpResult {
  nodeItems: number;
  changes: typeof AWAY_CHANGES;
  /** How the reader was taken away, and how IQs and bytes were counted. */
  method: { away: string; counting: string };
  chromium: string;
  runs: CatchUpRun[];
  fullFetch: FullFetchRun[];
  onlineToConverged: Summary;
  fullFetchMs: Summary;
  /** median(catch-up) / median(full re-fetch): time, IQs and bytes (both ways) on the node. */
  ratio: { time: number; iqs: number; bytes: number };
  /** After every catch-up: the cache's ids are the server's, the edits are in, counts agree. */
  allExact: boolean;
}

/** Seeded posts this close to the top of the listing are neither edited nor retracted. */
const NEWEST_AVOIDED = 100;

const both = (b: { toServer: number; toClient: number }): number => b.toServer + b.toClient;

function summarizeRuns(runs: CatchUpRun[], fetches: FullFetchRun[]) {
  const catchUpMs = runs.map((r) => r.onlineToConvergedMs);
  const fetchMs = fetches.map((r) => r.totalMs);
  const ratioOf = (a: number[], b: number[]) => median(a) / median(b);
  return {
    onlineToConverged: roundSummary(summarize(catchUpMs)),
    fullFetchMs: roundSummary(summarize(fetchMs)),
    ratio: {
      time: round(ratioOf(catchUpMs, fetchMs)),
      iqs: round(
        ratioOf(
          runs.map((r) => r.wire.nodeIqs),
          fetches.map((r) => r.wire.nodeIqs),
        ),
      ),
      bytes:
        Math.round(
          ratioOf(
            runs.map((r) => both(r.wire.nodeBytes)),
            fetches.map((r) => both(r.wire.nodeBytes)),
          ) * 10_000,
        ) / 10_000,
    },
    allExact: runs.every(
      (r) =>
        r.exact.idsEqual &&
        r.exact.editsSeen === AWAY_CHANGES.edited &&
        r.exact.itemCount === r.exact.serverIds,
    ),
  };
}

/**
 * Issue 14: the catch-up of the 10,000-post node after an absence with 20 changes, against a
 * full re-fetch of the node, alternated. In a fresh profile of its own (the saved profile's
 * imported nodes are on no server: a catch-up would drop them), signed in through a proxy that
 * counts the bytes and reads the frames; the node is synced first, unmeasured. Restarts Prosody.
 */
export async function measureCatchUp(
  base: Omit<BenchContext, 'browser' | 'page' | 'template'>,
  runs: number,
): Promise<CatchUpResult> {
  const { prosody, log } = base;
  const counting = await startCountingProxy({ host: '127.0.0.1', port: prosody.server.httpPort });
  const browser = await launchBenchBrowser();
  const made: AwayChanges[] = [];
  try {
    const wsUrl = counting.proxy.wsUrlFor(prosody.server.wsUrl);
    const page = await openSignedIn(browser, base.appUrl, prosody, wsUrl);
    const ctx: CatchUpCtx = { ...base, browser, page, counting };
    log('  syncing the node first (not measured)…');
    const synced = await syncOnce(ctx);
    if (synced.itemCount !== prosody.seed.count)
      throw new Error(`the sync stored ${synced.itemCount ?? '?'} items`);
    const runId = Date.now().toString(36);
    // The changes leave the listing's newest posts alone (lib/awayChanges.ts).
    const listing = await discoItemIds(prosody.publisher, prosody.seed.service, prosody.seed.node);
    const avoid = new Set(listing.slice(0, NEWEST_AVOIDED));
    const catchUps: CatchUpRun[] = [];
    const fetches: FullFetchRun[] = [];
    const catchUp = async (i: number) => {
      const r = await catchUpOnce(ctx, { run: i, runId, avoid }, made);
      catchUps.push(r);
      log(
        `  catch-up ${i + 1}: ${r.onlineToConvergedMs} ms, ${r.wire.nodeIqs} IQs on the node ` +
          `(waits: listing ${r.wire.nodeWaitMs.listing} ms, fetch ${r.wire.nodeWaitMs.fetch} ms), ` +
          `${r.wire.nodeBytes.toServer} B up, ${r.wire.nodeBytes.toClient} B down; ids equal: ${r.exact.idsEqual}`,
      );
    };
    const fullFetch = async () => {
      const r = await fullFetchOnce(ctx);
      fetches.push(r);
      log(`  full re-fetch ${fetches.length}: ${Math.round(r.totalMs)} ms, ${r.wire.nodeIqs} IQs`);
    };
    for (let i = 0; i < runs; i++) {
      // Alternated, so both sides see the same machine load.
      if (i % 2 === 0) {
        await catchUp(i);
        await fullFetch();
      } else {
        await fullFetch();
        await catchUp(i);
      }
    }
    // Leave the reader unsubscribed, as the account was before.
    await page.evaluate((a) => window.satchelBench.call('cache.unfollow', a), base.address);
    return {
      nodeItems: prosody.seed.count,
      changes: AWAY_CHANGES,
      method: {
        away: 'the network cut at a TCP proxy between browser and Prosody, Prosody restarted (no XEP-0198 resumption), the changes made by the publisher, the network back and `session.reconnectNow`',
        counting:
          'WebSocket frames read at that proxy, IQs of type get/set from the client by payload, an answer counted with its request; bytes are WebSocket bytes (frame headers and payload; TCP/IP not counted)',
      },
      chromium: browser.version,
      runs: catchUps,
      fullFetch: fetches,
      ...summarizeRuns(catchUps, fetches),
    };
  } finally {
    await browser.close().catch((e: unknown) => console.error(e));
    await counting.proxy.close().catch((e: unknown) => console.error(e));
    await undoAwayChanges(prosody, made).catch((e: unknown) =>
      console.error('undoing the changes made while away failed', e),
    );
  }
}
