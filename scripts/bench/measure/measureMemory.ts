import { launchBenchBrowser } from '../lib/benchBrowser';
import type { BenchProsody } from '../lib/benchProsody';
import { openSignedIn } from '../lib/openApp';
import { workerHeap, type HeapUsage } from '../lib/workerHeap';
import type { BenchContext } from './BenchContext';

type HeapContext = Pick<BenchContext, 'browser' | 'log'>;

export interface HeapPoint extends HeapUsage {
  label: string;
  /** Items in the cache at that point. */
  cachedItems: number;
  /** Heap in use before the forced garbage collection (what was live or not yet collected). */
  usedBeforeGcBytes: number;
}

/** The worker's heap now, before and after a forced full GC (DevTools protocol). */
export async function heapPoint(
  ctx: HeapContext,
  label: string,
  cachedItems: number,
): Promise<HeapPoint> {
  const before = await workerHeap(ctx.browser.cdp, false);
  const after = await workerHeap(ctx.browser.cdp, true);
  ctx.log(`  worker heap ${label}: ${(after.usedBytes / 1048576).toFixed(1)} MB after GC`);
  return { label, cachedItems, usedBeforeGcBytes: before.usedBytes, ...after };
}

/** The empty worker: a fresh profile, signed in, nothing cached. */
export async function emptyWorkerHeap(
  appUrl: string,
  prosody: BenchProsody,
  log: (message: string) => void,
): Promise<HeapPoint> {
  const browser = await launchBenchBrowser();
  try {
    await openSignedIn(browser, appUrl, prosody);
    return await heapPoint({ browser, log }, 'fresh profile, signed in, nothing cached', 0);
  } finally {
    await browser.close();
  }
}
