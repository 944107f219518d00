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
