import { feedHref } from '../../../src/ui/router/paths';
import { liveEntry } from '../lib/benchItems';
import { clockOffset, nodeEpoch } from '../lib/clockOffset';
import { roundSummary, summarize, type Summary } from '../lib/stats';
import { loadBenchModule, type BenchContext } from './BenchContext';

export interface LiveEventResult {
  runs: number;
  /** What "on screen" means here: the feed's "N new posts" control showing the post. */
  measuredUntil: string;
  /** Publish sent (Node peer) → the worker's `items` event reaches the page. */
  toItemsEvent: Summary;
  /** Publish sent → the control changed in the DOM. */
  toDom: Summary;
  /** Publish sent → the next animation frame after that change. */
  toFrame: Summary;
  clockErrorMs: number;
}

/**
 * Another client (the publisher's Node peer) publishes to the node while the reader's feed
 * (/feed/<service>/<node>) is open; the page notes when the worker's `items` event arrives
 * and when the "N new posts" control shows the post. Times cross processes through the
 * shared epoch clock, the page's offset measured first. The posts are retracted afterwards
 * and the cache checked back at the seeded count.
 */
export async function measureLiveEvent(ctx: BenchContext, runs = 20): Promise<LiveEventResult> {
  const { page, address, prosody } = ctx;
  await page.goto(new URL(feedHref(address), ctx.appUrl).href);
  await page.locator('.feed-row').first().waitFor({ timeout: 30_000 });
  await loadBenchModule(page);
  await page.evaluate((a) => window.satchelBench.recordItemsEvents(a), address);
  const clock = await clockOffset(page);
  const runId = Date.now().toString(36);
  const ids: string[] = [];
  const toEvent: number[] = [];
  const toDom: number[] = [];
  const toFrame: number[] = [];
  try {
    for (let i = 1; i <= runs; i++) {
      const id = `live-${runId}-${i}`;
      ids.push(id);
      await page.evaluate(([itemId, n]) => window.satchelBench.armNewPost(itemId, n, 20_000), [
        id,
        i,
      ] as const);
      const sentAt = nodeEpoch();
      await prosody.publisher.publish(
        address.service,
        address.node,
        id,
        liveEntry(id, prosody.seed.publisher.jid, Date.now()),
      );
      const shown = await page.evaluate(() => window.satchelBench.armedResult());
      const eventAt = await page.evaluate((itemId) => window.satchelBench.itemsEventAt(itemId), id);
      const local = (pageEpoch: number): number => pageEpoch - clock.offsetMs - sentAt;
      if (eventAt !== undefined) toEvent.push(local(eventAt));
      toDom.push(local(shown.domAt));
      toFrame.push(local(shown.frameAt));
    }
  } finally {
    for (const id of ids) await prosody.publisher.retract(address.service, address.node, id, true);
  }
  await waitForItemCount(ctx, prosody.seed.count);
  return {
    runs,
    measuredUntil: 'the feed\'s "N new posts" control shows the new post (or the post itself)',
    toItemsEvent: roundSummary(summarize(toEvent)),
    toDom: roundSummary(summarize(toDom)),
    toFrame: roundSummary(summarize(toFrame)),
    clockErrorMs: Math.round(clock.errorMs * 100) / 100,
  };
}

/** Waits until the worker's cache holds `count` items of the node again (retractions applied). */
async function waitForItemCount(
  ctx: BenchContext,
  count: number,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = (await ctx.page.evaluate(
      (a) => window.satchelBench.call('cache.getNode', a),
      ctx.address,
    )) as {
      node: { itemCount?: number } | null;
    };
    if (result.node?.itemCount === count) return;
    if (Date.now() > deadline)
      throw new Error(`the cache holds ${result.node?.itemCount ?? '?'} items, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
