import { readFileSync } from 'node:fs';
import parse from 'ltx/lib/parse.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MICROBLOG_NODE } from '../../scripts/lib/demoContent';
import type { XmppPeer } from '../../scripts/lib/xmppPeer';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 7: search everything cached (in the UI, folded and by prefix, then offline from a
// bookmarked URL) and manage the cache (purge older than a date, Atom export, export, clear
// and import back).
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const POSTS: Array<[string, Parameters<typeof atomEntry>[1]]> = [
  [
    'p1',
    {
      title: 'Crème brûlée at home',
      content: 'Caramelised sugar <on top> & a spoon.',
      published: day('2026-03-01'),
      categories: ['cooking'],
    },
  ],
  [
    'p2',
    {
      title: 'Sourdough, attempt four',
      content: 'Longer proof, cooler kitchen.',
      published: day('2026-02-01'),
      categories: ['cooking'],
    },
  ],
  [
    'p3',
    {
      title: 'Night photographs',
      content: 'Long exposures at the harbour.',
      published: day('2026-01-01'),
    },
  ],
  [
    'p4',
    {
      title: 'Old news from 2019',
      content: 'A crème of the crop, long gone.',
      published: day('2019-06-01'),
    },
  ],
  [
    'p5',
    { title: 'Older still', content: 'Harbour lights in 2018.', published: day('2018-06-01') },
  ],
];

let browser: LaunchedBrowser | undefined;
let account: TestAccount;
let peer: XmppPeer;
let page: Page;
const blog = () => ({ service: account.jid, node: MICROBLOG_NODE });
const hits = (p: Page) =>
  p
    .locator('.search-hit[data-item-id]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')));
const count = async () => (await pageRpc(page, 'cache.stats', {})).itemCount;

async function searchFor(text: string): Promise<void> {
  const box = page.getByLabel('Search cached posts');
  await box.fill(text);
  await box.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(text);
  await page.getByTestId('search-total').waitFor();
}

async function download(click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return readFileSync(await file.path(), 'utf8');
}

beforeAll(async () => {
  account = await registerAccount('search');
  peer = await connectAccount(account);
  await peer.createNode(account.jid, MICROBLOG_NODE, {
    'pubsub#max_items': '100',
    'pubsub#access_model': 'open',
  });
  for (const [id, options] of POSTS)
    await peer.publish(
      account.jid,
      MICROBLOG_NODE,
      id,
      atomEntry(id, { ...options, author: account.jid.split('@')[0] }),
    );
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
}, 120_000);

afterAll(async () => {
  await peer?.stop();
  await browser?.close();
});

describe('search', () => {
  it('follows the feed and syncs it', async () => {
    await pageRpc(page, 'cache.follow', blog());
    await expect
      .poll(async () => (await pageRpc(page, 'cache.getNode', blog())).node?.syncState, {
        timeout: 30_000,
      })
      .toBe('completed');
    // A sync stores first; its words reach the index right after (schema v6). Until then a
    // word search says `indexing`; then it finds the posts.
    await expect
      .poll(async () => {
        const result = await pageRpc(page, 'search.query', { text: 'creme' });
        return { indexing: result.indexing ?? false, found: result.hits.length > 0 };
      })
      .toEqual({ indexing: false, found: true });
  });

  it('finds posts whatever their accents and case, and by the start of a word, with the words marked', async () => {
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Search' }).waitFor();
    await searchFor('CREME');
    await expect.poll(() => hits(page)).toEqual(['p1', 'p4']); // the title match first
    const marks = await page.locator('.search-hit[data-item-id="p1"] mark').allTextContents();
    expect(marks).toContain('Crème');
    // Item text is shown as text: the '<on top>' of the body is not markup.
    await expect(
      page.locator('.search-hit[data-item-id="p1"] .search-hit-snippet').textContent(),
    ).resolves.toContain('<on top>');
    await searchFor('sourd');
    await expect.poll(() => hits(page)).toEqual(['p2']);
    await searchFor('harbour -lights');
    await expect.poll(() => hits(page)).toEqual(['p3']);
    await expect(page.getByTestId('search-total').textContent()).resolves.toMatch(/^1 result/u);
  });

  it('opens a bookmarked search URL offline, from the cache', async () => {
    await searchFor('long');
    const bookmark = page.url();
    // The word itself (newest first), then longer words (Longer).
    await expect.poll(() => hits(page)).toEqual(['p3', 'p4', 'p2']);
    await browser!.context.setOffline(true);
    try {
      await page.goto(bookmark);
      await expect.poll(() => hits(page), { timeout: 30_000 }).toEqual(['p3', 'p4', 'p2']);
      await expect(page.getByLabel('Search cached posts').inputValue()).resolves.toBe('long');
      await searchFor('crème brûlée');
      await expect.poll(() => hits(page)).toEqual(['p1']);
    } finally {
      await browser!.context.setOffline(false);
    }
  });
});

describe('managing the cache', () => {
  it('shows the feed with its figures, and removes items older than a date, not pinned ones', async () => {
    await pageRpc(page, 'cache.pin', { ...blog(), ids: ['p5'], pinned: true });
    await page.goto(`${appUrl}manage`);
    const row = page.locator(`tr[data-node="${MICROBLOG_NODE}"]`);
    await expect
      .poll(() => row.getByTestId('item-count').textContent(), { timeout: 15_000 })
      .toMatch(/^5/u);
    await page.getByLabel('Created before').fill('2020-01-01');
    await page.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByText('Removed 1 item.').waitFor();
    await expect
      .poll(() => row.getByTestId('item-count').textContent())
      .toMatch(/^4 \(1 pinned\)/u);
    expect((await pageRpc(page, 'search.query', { text: 'crop' })).hits).toEqual([]);
  });

  it('exports the feed as an Atom document', async () => {
    const row = page.locator(`tr[data-node="${MICROBLOG_NODE}"]`);
    const atom = await download(() => row.getByRole('button', { name: 'Export Atom' }).click());
    const feed = parse(atom.replace(/^<\?xml[^>]*\?>\s*/u, ''));
    expect(feed.is('feed', 'http://www.w3.org/2005/Atom')).toBe(true);
    const entries = feed.getChildren('entry');
    expect(entries.map((e) => e.getChildText('title'))).toEqual([
      'Crème brûlée at home',
      'Sourdough, attempt four',
      'Night photographs',
      'Older still',
    ]);
    expect(entries[0]?.getChildText('content')).toBe('Caramelised sugar <on top> & a spoon.');
    expect(atom).toContain('&lt;on top&gt; &amp; a spoon');
  });

  it('exports everything, clears it, and imports the file back after checking it', async () => {
    const json = await download(() =>
      page.getByRole('button', { name: 'Export everything' }).click(),
    );
    expect(JSON.parse(json)).toMatchObject({
      format: 'satchel-cache',
      version: 1,
      account: account.jid,
    });
    await page.getByRole('button', { name: 'Clear the cache' }).click();
    await page.getByRole('button', { name: 'Yes, clear the cache' }).click();
    await page.getByText('Nothing is cached yet.').waitFor();
    expect(await count()).toBe(0);

    await page.getByLabel('Import a file').setInputFiles({
      name: 'satchel.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.textContent(), { timeout: 30_000 }).toContain('4 new items');
    await report.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await count()).toBe(4);
    expect((await pageRpc(page, 'search.query', { text: 'creme' })).hits.map((h) => h.id)).toEqual([
      'p1',
    ]);
    const p5 = (await pageRpc(page, 'search.query', { text: 'older' })).hits[0];
    expect(p5).toMatchObject({ id: 'p5', pinned: true });

    // The same file again: everything is already there, nothing conflicts.
    await page.getByLabel('Import a file').setInputFiles({
      name: 'again.json',
      mimeType: 'application/json',
      buffer: Buffer.from(json),
    });
    await expect
      .poll(() => report.textContent(), { timeout: 30_000 })
      .toContain('4 already cached, 0 conflicts');
    // A damaged file is refused as a whole.
    const damaged = json.replace('</entry>', '</entri>');
    await expect(pageRpc(page, 'cache.importAll', { json: damaged, dryRun: true })).rejects.toThrow(
      /import-invalid/u,
    );
  });
});
