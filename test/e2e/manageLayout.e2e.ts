import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { connectAccount, registerAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 13: on /manage every action of a cached feed can be seen and reached, on a phone
// (360 px) and on a desktop (1280 px): nothing clipped by the table's scroll box or the page.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
const WIDTHS = [360, 1280];
// Node names are often long and unbroken (ids, URNs): one such feed, with a retention policy
// and a pinned item, so that every column has something wide to show.
const LONG_NODE = `urn:xmpp:microblog:0:comments/${crypto.randomUUID().replaceAll('-', '')}`;
let browser: LaunchedBrowser;
let publisher: XmppPeer;
let page: Page;

beforeAll(async () => {
  const account = await registerAccount('layout');
  publisher = await connectAccount(await registerAccount('layout-publisher'));
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
  for (const node of [`blog/notes-${Date.now()}`, LONG_NODE]) {
    await publisher.createNode(pubsub, node, { 'pubsub#access_model': 'open' });
    await publisher.publishMany(
      pubsub,
      node,
      [1, 2, 3].map((i) => ({ id: `p${i}`, payload: atomEntry(`p${i}`) })),
    );
    const address = { service: pubsub, node };
    await pageRpc(page, 'cache.follow', address);
    await vi.waitFor(
      async () => {
        const { node: view } = await pageRpc(page, 'cache.getNode', address);
        if (view?.syncState !== 'completed') throw new Error(`${node}: ${view?.syncState}`);
      },
      { timeout: 30_000, interval: 100 },
    );
  }
  // Pinned first: the retention (30 days) then keeps only the pinned item of these old posts.
  const long = { service: pubsub, node: LONG_NODE };
  await pageRpc(page, 'cache.pin', { ...long, ids: ['p1'], pinned: true });
  await pageRpc(page, 'cache.setRetention', {
    ...long,
    retention: { maxItems: 1000, maxAgeDays: 30 },
  });
}, 120_000);
afterAll(async () => {
  await publisher?.stop();
  await browser?.close();
});

/**
 * Every button of every feed row, scrolled to vertically: what of it is outside the viewport or
 * cut by an ancestor that clips (a scroll box, overflow hidden). Empty when all are seen whole.
 */
function clippedButtons(target: Page, rowSelector: string): Promise<string[]> {
  return target.evaluate((selector) => {
    const problems: string[] = [];
    const clips = (style: CSSStyleDeclaration) =>
      style.overflowX !== 'visible' || style.overflowY !== 'visible';
    for (const row of document.querySelectorAll(selector)) {
      for (const button of row.querySelectorAll('button')) {
        // Brought into view by scrolling the page down only: a box the user would have to
        // scroll sideways to reach the button counts as cutting it.
        const top = button.getBoundingClientRect().top;
        window.scrollBy(0, top - window.innerHeight / 2);
        const box = button.getBoundingClientRect();
        const name = `"${button.textContent?.trim() ?? ''}"`;
        if (box.width === 0 || box.height === 0) problems.push(`${name} has no size`);
        if (box.left < 0 || box.right > window.innerWidth + 0.5)
          problems.push(`${name} spans x ${box.left}..${box.right} of ${window.innerWidth}`);
        if (box.top < 0 || box.bottom > window.innerHeight + 0.5)
          problems.push(`${name} spans y ${box.top}..${box.bottom} of ${window.innerHeight}`);
        for (let el = button.parentElement; el; el = el.parentElement) {
          if (el === document.documentElement || !clips(getComputedStyle(el))) continue;
          const clip = el.getBoundingClientRect();
          if (box.left < clip.left - 0.5 || box.right > clip.right + 0.5)
            problems.push(
              `${name} is cut by <${el.tagName.toLowerCase()} class="${el.className}">`,
            );
        }
      }
    }
    const scroll = document.documentElement.scrollWidth;
    if (scroll > window.innerWidth) problems.push(`the page scrolls sideways: ${scroll} px`);
    return problems;
  }, rowSelector);
}

describe('the Manage page fits the screen', () => {
  for (const width of WIDTHS) {
    it(`shows every action of every feed whole at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${appUrl}manage`);
      const rows = page.locator('tr[data-node]');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
      // Real buttons with their names, for each feed.
      for (const name of ['Resync', 'Reset', 'Export Atom', 'Unfollow and delete'])
        await expect(rows.getByRole('button', { name }).count()).resolves.toBe(2);
      expect(await clippedButtons(page, 'tr[data-node]')).toEqual([]);
      // Stacked or not, the table stays accessible (axe-core, as test/e2e/a11y.e2e.ts).
      const axe = await new AxeBuilder({ page })
        .include('.node-stats-box')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(axe.violations.map((v) => `${v.id} (${v.impact ?? '?'})`)).toEqual([]);

      // Asking to confirm a destructive action shows its question and answers in place: they fit.
      const longRow = page.locator(`tr[data-node="${LONG_NODE}"]`);
      await longRow.getByRole('button', { name: 'Unfollow and delete' }).click();
      const confirm = longRow.getByRole('group', { name: /Unfollow and delete/u });
      await confirm.getByRole('button', { name: 'Cancel' }).waitFor();
      expect(await clippedButtons(page, 'tr[data-node]')).toEqual([]);
      await confirm.getByRole('button', { name: 'Cancel' }).click();
    });
  }
});
