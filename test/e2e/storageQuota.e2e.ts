import parse from 'ltx/lib/parse.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SYNC_BATCH } from '../../src/cache/fetchAllItems';
import { feedHref } from '../../src/shared/appPaths';
import { registerAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { openOriginQuota } from '../support/openOriginQuota';
import { pageRpc } from '../support/pageRpc';
import { SCALE_COUNT, SCALE_NODE, scaleEntry } from '../support/scaleNode';
import { signIn } from '../support/signIn';

// Issue 15 "Storage": the origin's quota runs out in the middle of a sync. The test fills it
// itself (openOriginQuota.ts: a small quota set through DevTools, then random filler written by
// the page until the browser refuses even 1 KB), then gives the space back.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
const address = { service: pubsub, node: SCALE_NODE };
/** Room for the app, its sign-in and the whole 5,000-post sync (~11 MB), not for the filler. */
const QUOTA = 32 << 20;
let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * The node's items as the engine stored them (cache.exportNode: the raw items, read back),
 * each checked whole against what the publisher published; returns their numbers.
 */
async function storedPostNumbers(page: Page): Promise<number[]> {
  const { atom, items } = await pageRpc(page, 'cache.exportNode', address, 60_000);
  const entries = parse(atom).getChildren('entry');
  expect(entries).toHaveLength(items);
  return entries.map((entry) => {
    const n = Number(/:(\d+)$/u.exec(entry.getChildText('id') ?? '')?.[1]);
    const published = scaleEntry(n);
    for (const field of ['title', 'published', 'content'])
      expect(entry.getChildText(field), `post ${n}: ${field}`).toBe(published.getChildText(field));
    return n;
  });
}

describe('IndexedDB quota exhausted in the middle of a sync (issue 15)', () => {
  it('says so, keeps whole batches only, answers, and finishes once space is back', async () => {
    const account = await registerAccount('quota');
    const page = await browser.context.newPage();
    const workerLog: string[] = [];
    browser.context.on('console', (m) => workerLog.push(m.text()));
    const quota = await openOriginQuota(page, new URL(appUrl).origin);
    // Before the app loads: IndexedDB allots from the first figure it asks for (openOriginQuota.ts).
    await quota.set(QUOTA);
    try {
      await page.goto(appUrl);
      await serviceWorkerReady(page);
      await signIn(page, account, wsUrl);
      await pageRpc(page, 'cache.follow', address);
      await page.goto(new URL(feedHref(address), appUrl).href);
      const node = async () => (await pageRpc(page, 'cache.getNode', address)).node;
      // The sync has stored something: now the origin fills up under it.
      await expect
        .poll(async () => (await node())?.itemCount ?? 0, { timeout: 30_000 })
        .toBeGreaterThan(0);
      const fillStarted = Date.now();
      const before = (await node())?.itemCount;
      const filled = await quota.fill();
      expect(filled.error).toBe('QuotaExceededError');
      const full = await quota.usage();
      expect(full.quota - full.usage).toBeLessThan(64 << 10);
      const fillMs = Date.now() - fillStarted;

      // A clear state: the banner, and the node says why its sync stopped.
      const banner = page.locator('[data-storage="full"]');
      await banner.waitFor({ timeout: 20_000 });
      await expect(banner.textContent()).resolves.toContain('Storage is full');
      const status = page.locator('[data-sync="error"][data-code="storage-full"]');
      await status.waitFor({ timeout: 20_000 });
      await expect(status.textContent()).resolves.toContain('Sync failed: Storage is full');
      const failed = await node();
      expect(failed, workerLog.join('\n')).toMatchObject({
        syncState: 'error',
        error: { code: 'storage-full' },
      });
      // No half-stored batch: whole batches only, each item whole, counts that agree.
      const stored = await storedPostNumbers(page);
      expect(stored.length % SYNC_BATCH).toBe(0);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored.length).toBeLessThan(SCALE_COUNT);
      expect(failed?.itemCount).toBe(stored.length);
      console.info(
        `quota: ${before} posts stored when the fill began, ${filled.bytes} bytes of filler in ${fillMs} ms, ${stored.length} stored when full (${JSON.stringify(full)}); unrecorded failure: ${workerLog.some((l) => l.includes('could not record the failed sync'))}`,
      );
      // The worker is alive and answering, still online.
      await expect(pageRpc(page, 'session.state', {})).resolves.toMatchObject({
        status: 'online',
      });

      // Trying again while the origin is still full fails the same way, and says so again.
      const retryAt = failed?.error?.retryAt ?? 0;
      await banner.getByRole('button', { name: 'Try again' }).click();
      await expect
        .poll(async () => (await node())?.error?.retryAt ?? 0, { timeout: 10_000 })
        .toBeGreaterThan(retryAt);
      await banner.waitFor({ timeout: 10_000 });
      expect((await storedPostNumbers(page)).length).toBe(stored.length);

      // Space is back; the reader tries again, and the sync runs at once (not at its retry,
      // 15 s or more away) and finishes with every post once.
      await quota.free();
      const freed = Date.now();
      const due = (await node())?.error?.retryAt ?? 0;
      await banner.getByRole('button', { name: 'Try again' }).click();
      await page.locator('[data-sync="inProgress"], [data-sync="completed"]').waitFor({
        timeout: 10_000,
      });
      expect(Date.now()).toBeLessThan(due);
      await page.locator('[data-sync="completed"]').waitFor({ timeout: 60_000 });
      console.info(`quota: completed ${Date.now() - freed} ms after space was back`);
      await page.locator('[data-storage]').waitFor({ state: 'detached', timeout: 5_000 });
      const all = await storedPostNumbers(page);
      expect(new Set(all).size).toBe(SCALE_COUNT);
      expect(all).toHaveLength(SCALE_COUNT);
      expect((await node())?.itemCount).toBe(SCALE_COUNT);
    } finally {
      await quota.close();
      await page.close();
    }
  }, 120_000);
});
