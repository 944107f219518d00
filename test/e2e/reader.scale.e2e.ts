import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount, type TestAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { SCALE_COUNT, SCALE_NODE } from '../support/scaleNode';
import { signIn } from '../support/signIn';

// Issue 5, "smooth with 5,000 items, no layout shift when items load": a synced node of 5,000
// Atom entries; the feed renders a window of rows, scrolls through the whole node, jumps to the
// end and back, and nothing already on screen moves.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsubService = inject('pubsubService');

let browser: LaunchedBrowser | undefined;
let account: TestAccount;
let page: Page;
let node: string;

beforeAll(async () => {
  account = await registerAccount('scale');
  // The 5,000-item node is published once for the whole run (test/support/e2eGlobalSetup.ts).
  node = SCALE_NODE;
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
}, 240_000);

afterAll(() => browser?.close());

/** Layout shifts (CLS entries) since the last call, from a PerformanceObserver in the page. */
const takeShifts = () =>
  page.evaluate(() => {
    const w = window as { __shifts?: number[] };
    const shifts = w.__shifts ?? [];
    w.__shifts = [];
    return shifts;
  });

describe('a 5,000-item feed', () => {
  it('syncs, opens with its whole height reserved, and renders only a window of rows', async () => {
    await page
      .getByLabel('xmpp: link or contact address')
      .fill(`xmpp:${pubsubService}?;node=${encodeURIComponent(node)}`);
    const started = performance.now();
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page
      .locator(`.node-row[data-node="${node}"] [data-sync="completed"]`)
      .waitFor({ timeout: 120_000 });
    console.info(`scale: follow to synced in ${Math.round(performance.now() - started)} ms`);
    await page.evaluate(() => {
      const w = window as { __shifts?: number[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<
          PerformanceEntry & { value: number; hadRecentInput: boolean }
        >)
          if (!e.hadRecentInput) w.__shifts?.push(e.value);
      }).observe({ type: 'layout-shift' });
    });
    const opened = performance.now();
    await page.locator(`.node-row[data-node="${node}"] .node-link`).click();
    await page.locator('.feed-row[data-index="0"]:not(.skeleton)').waitFor();
    console.info(`scale: feed's first rows in ${Math.round(performance.now() - opened)} ms`);
    await expect(page.getByTestId('feed-total').textContent()).resolves.toBe('5,000 posts');
    await expect(
      page.locator('.feed-row[data-index="0"]').getAttribute('data-item-id'),
    ).resolves.toBe('p04999');
    const { listHeight, rowHeight, rows } = await page.evaluate(() => ({
      listHeight: document.querySelector('.feed-list')?.getBoundingClientRect().height ?? 0,
      rowHeight: document.querySelector('.feed-row')?.getBoundingClientRect().height ?? 0,
      rows: document.querySelectorAll('.feed-row').length,
    }));
    expect(listHeight).toBeCloseTo(rowHeight * SCALE_COUNT, -1);
    expect(rows).toBeLessThan(60);
    await takeShifts();
  });

  it('scrolls through a window of rows that never move once shown (frame times logged)', async () => {
    const result = await page.evaluate(async () => {
      const frames: number[] = [];
      let last = performance.now();
      let scrolling = true;
      const tick = (t: number) => {
        frames.push(t - last);
        last = t;
        if (scrolling) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      // 3 s of continuous scrolling, 80 px per frame (a fast fling), then stop.
      const end = performance.now() + 3_000;
      await new Promise<void>((resolve) => {
        const step = () => {
          window.scrollBy(0, 80);
          if (performance.now() < end) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      scrolling = false;
      frames.sort((a, b) => a - b);
      return {
        frames: frames.length,
        p50: frames[Math.floor(frames.length * 0.5)] ?? 0,
        p95: frames[Math.floor(frames.length * 0.95)] ?? 0,
        max: frames[frames.length - 1] ?? 0,
        rows: document.querySelectorAll('.feed-row').length,
      };
    });
    console.info(`scale: scrolling frames ${JSON.stringify(result)}`);
    expect(result.rows).toBeLessThan(60);
    // Frame times are logged, not asserted: beside the other e2e files on two cores they
    // reached p95 100 to 233 ms with nothing wrong (three CI runs of 2026-12-04), the range a
    // `:has()` rule on the rows once caused. A timing is the bench's to judge, not a test's.
    await page
      .locator('.feed-row.skeleton')
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 });
    expect(await takeShifts()).toEqual([]);
  });

  it('jumps to the oldest post at the end and back to the top', async () => {
    const jump = performance.now();
    await page.keyboard.press('End');
    await page.locator('.feed-row[data-index="4999"]:not(.skeleton)').waitFor({ timeout: 10_000 });
    console.info(`scale: End to the last row shown in ${Math.round(performance.now() - jump)} ms`);
    await expect(
      page.locator('.feed-row[data-index="4999"]').getAttribute('data-item-id'),
    ).resolves.toBe('p00000');
    await page.keyboard.press('Home');
    await page.locator('.feed-row[data-index="0"]:not(.skeleton)').waitFor();
    await page.keyboard.press('j');
    await expect
      .poll(() =>
        page.evaluate(() =>
          document.activeElement?.closest('[data-index]')?.getAttribute('data-item-id'),
        ),
      )
      .toBe('p04999');
    expect(await takeShifts()).toEqual([]);
  });
});
