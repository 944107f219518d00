import type { Page } from 'playwright-core';

const nodeEpoch = (): number => performance.timeOrigin + performance.now();

/**
 * How far the page's epoch clock is ahead of this process's (ms): both derive from the system
 * clock, but each process fixes its time origin once. The sample with the shortest round trip
 * bounds the error by half of it (Cristian's algorithm).
 */
export async function clockOffset(
  page: Page,
  samples = 15,
): Promise<{ offsetMs: number; errorMs: number }> {
  let best = { offsetMs: 0, errorMs: Number.POSITIVE_INFINITY };
  for (let i = 0; i < samples; i++) {
    const before = nodeEpoch();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const after = nodeEpoch();
    const errorMs = (after - before) / 2;
    if (errorMs < best.errorMs) best = { offsetMs: pageTime - (before + after) / 2, errorMs };
  }
  return best;
}

export { nodeEpoch };
