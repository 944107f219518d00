import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDemoContent, MICROBLOG_NODE, NEWS_NODE } from '../../scripts/lib/demoContent';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { signIn } from '../support/signIn';

// Issue 5, "Accessible": axe-core finds no serious or critical violation on any view, in the
// light and the dark scheme, on a desktop and a phone-sized viewport.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const SCHEMES = ['light', 'dark'] as const;
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 360, height: 780 },
];

let browser: LaunchedBrowser | undefined;
let account: TestAccount;
let page: Page;

/** Runs axe in every scheme and viewport; returns the serious and critical violations. */
async function seriousViolations(view: string): Promise<string[]> {
  const found: string[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      for (const v of result.violations) {
        const line = `${view} ${viewport.width}px ${colorScheme}: ${v.id} (${v.impact ?? '?'}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
        if (v.impact === 'serious' || v.impact === 'critical') found.push(line);
        else console.info(`a11y (minor) ${line}`);
      }
    }
  }
  await page.setViewportSize(VIEWPORTS[0]!);
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

beforeAll(async () => {
  account = await registerAccount('a11y');
  const peer = await connectAccount(account);
  try {
    // Everything on the user's own PEP service: nothing shared with other test files.
    for (const node of buildDemoContent({
      ownerJid: account.jid,
      pubsubService: account.jid,
      microblogPosts: 12,
    })) {
      await peer.createNode(node.service, node.node, node.config);
      await peer.publishMany(node.service, node.node, node.items);
    }
  } finally {
    await peer.stop();
  }
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
});

afterAll(() => browser?.close());

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('sign-in form', async () => {
    await page.getByLabel('XMPP address').waitFor();
    expect(await seriousViolations('sign-in')).toEqual([]);
    await signIn(page, account, wsUrl);
  });

  it('home, with a followed feed and the follow form', async () => {
    await page.getByRole('button', { name: 'Follow your microblog' }).click();
    await page.locator('.node-row [data-sync="completed"]').waitFor({ timeout: 30_000 });
    expect(await seriousViolations('home')).toEqual([]);
  });

  it('feed, with a row focused by the keyboard', async () => {
    await page.locator('.node-link').first().click();
    await page.locator('.feed-row[data-index="0"]').waitFor();
    await page.keyboard.press('j');
    expect(await seriousViolations('feed')).toEqual([]);
  });

  it('item with comments and an attachment', async () => {
    // Post 3 (i = 2) has comments in the demo content.
    await page.goto(`${appUrl}item/${account.jid}/${MICROBLOG_NODE}/post-003`);
    await page.getByTestId('comments').locator('.comment').first().waitFor({ timeout: 15_000 });
    expect(await seriousViolations('item')).toEqual([]);
  });

  it('generic node and item (raw XML)', async () => {
    await page.goto(`${appUrl}feed/${account.jid}/${encodeURIComponent(NEWS_NODE)}`);
    await page.locator('.feed-row[data-index="0"]').waitFor({ timeout: 15_000 });
    expect(await seriousViolations('generic feed')).toEqual([]);
    await page.locator('.row-link').first().click();
    await page.getByTestId('raw-xml').waitFor();
    expect(await seriousViolations('generic item')).toEqual([]);
  });

  it('browse services and a service’s nodes', async () => {
    await page.getByRole('link', { name: 'Browse', exact: true }).click();
    await page.getByRole('link', { name: 'Your personal nodes' }).waitFor();
    await page.locator('.state-loading').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await seriousViolations('browse')).toEqual([]);
    await page.getByRole('link', { name: 'Your personal nodes' }).click();
    await page.locator('.node-row').first().waitFor({ timeout: 15_000 });
    expect(await seriousViolations('service')).toEqual([]);
  });
});
