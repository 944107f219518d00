import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { feedHref } from '../../../src/ui/router/paths';
import { withTimeout } from '../../lib/withTimeout';
import { serveApp } from '../../serveApp';
import { stopServiceWorkers } from '../../../test/support/browser';
import { round, roundSummary, summarize, type Summary } from '../lib/stats';
import type { BenchContext } from './BenchContext';
import { writeStaticFeedPage } from './staticFeedPage';

export interface ColdStartResult {
  runs: number;
  /** Navigation start → first feed row in the DOM / the frame after it (ms). */
  app: { firstRowDom: Summary; firstRowFrame: Summary; firstContentfulPaint: Summary };
  staticPage: { firstRowDom: Summary; firstRowFrame: Summary; firstContentfulPaint: Summary };
  /** p50(app first-row frame) / p50(static first-row frame); target ≤ 2. */
  ratio: number;
}

interface FirstRow {
  domMs: number;
  frameMs?: number;
}

// Injected into every page before its scripts (a string: it runs in the page as written). A
// row with an item id: a skeleton row (a reserved slot, no item yet) does not count.
const FIRST_ROW_OBSERVER = `(() => {
  const mark = () => {
    if (window.__benchFirstRow || !document.querySelector('.feed-row[data-item-id]')) return;
    const row = { domMs: performance.now() };
    window.__benchFirstRow = row;
    requestAnimationFrame(() => { row.frameMs = performance.now(); });
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true });
})();`;

async function timeFirstRow(page: Page, url: string) {
  await page.goto(url, { timeout: 30_000 });
  await page.waitForFunction(
    () =>
      (window as unknown as { __benchFirstRow?: FirstRow }).__benchFirstRow?.frameMs !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const row = (window as unknown as { __benchFirstRow: Required<FirstRow> }).__benchFirstRow;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return { dom: row.domMs, frame: row.frameMs, fcp };
  });
}

/**
 * Cold offline start: the worker stopped (DevTools), Prosody stopped and the browser offline,
 * a new tab opens the synced node's feed; timed from navigation start to the first row. The
 * same 20 posts as a static page from a local server (online: it has no worker) are the
 * comparison. Alternated, a new tab each time. This stops Prosody: it runs last.
 */
export async function measureColdStart(ctx: BenchContext, runs = 10): Promise<ColdStartResult> {
  const { context } = ctx.browser;
  const rows = await ctx.page.evaluate(
    (a) => window.satchelBench.rowSummaries({ ...a, max: 20 }),
    ctx.address,
  );
  const staticDir = join(ctx.benchDir, 'static-feed');
  writeStaticFeedPage(staticDir, join(ctx.benchDir, 'dist'), ctx.address.node, rows);
  const staticServer = await serveApp({ dir: staticDir });
  const feedUrl = new URL(feedHref(ctx.address), ctx.appUrl).href;
  await context.addInitScript(FIRST_ROW_OBSERVER);
  await ctx.prosody.server.stop();
  const control = ctx.page;
  await control.goto('about:blank');
  const offline = (value: boolean) =>
    withTimeout(context.setOffline(value), 15_000, () => `setOffline(${value}) timed out`);
  const app: Array<{ dom: number; frame: number; fcp: number }> = [];
  const plain: typeof app = [];
  try {
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 === 0 ? ['app', 'static'] : ['static', 'app']) {
        const tab = await context.newPage();
        try {
          // Offline first: Playwright's setOffline hangs once a worker it knows was stopped
          // (it waits on the stopped worker's session); the started one is emulated on attach.
          if (which === 'app') {
            await offline(true);
            await stopServiceWorkers(control);
            app.push(await timeFirstRow(tab, feedUrl));
          } else {
            await offline(false);
            plain.push(await timeFirstRow(tab, staticServer.url));
          }
        } finally {
          await tab.close();
        }
      }
      ctx.log(
        `  cold start ${i + 1}: app ${Math.round(app.at(-1)!.frame)} ms, static ${Math.round(plain.at(-1)!.frame)} ms`,
      );
    }
  } finally {
    await offline(false).catch(() => undefined);
    await staticServer.close();
  }
  const side = (list: typeof app) => ({
    firstRowDom: roundSummary(summarize(list.map((r) => r.dom))),
    firstRowFrame: roundSummary(summarize(list.map((r) => r.frame))),
    firstContentfulPaint: roundSummary(summarize(list.map((r) => r.fcp))),
  });
  return {
    runs,
    app: side(app),
    staticPage: side(plain),
    ratio: round(summarize(app.map((r) => r.frame)).p50 / summarize(plain.map((r) => r.frame)).p50),
  };
}
