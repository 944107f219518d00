import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parse from 'ltx/lib/parse.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectAccount, registerAccount, type TestAccount } from '../support/accounts';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { feedHref } from '../../src/shared/appPaths';
import { pageRpc } from '../support/pageRpc';
import { signIn } from '../support/signIn';

// Issue 15 "Import files": every bad file picked on the Manage page gets a clear message, and
// the database is exactly as before (a dump of its stores, read with the plain IndexedDB API,
// before and after). The 500 MB file is a sparse file: the page must refuse it from its size,
// without reading a byte or sending anything to the worker (counted by spies set before the app).
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
const NODE = 'import-files/existing';
const ATOM = 'http://www.w3.org/2005/Atom';

let browser: LaunchedBrowser;
let page: Page;
let account: TestAccount;
let dir: string;
/** p2 as the cache holds it (synced from the server in beforeAll). */
let sharedXml: string;

const itemXml = (id: string, title: string) =>
  `<item xmlns="http://jabber.org/protocol/pubsub" id="${id}"><entry xmlns="${ATOM}"><title>${title}</title><published>2026-01-0${id.slice(-1)}T00:00:00Z</published><content type="text">Body of ${id}</content></entry></item>`;
const exported = (id: string, title: string) => ({
  id,
  xml: itemXml(id, title),
  created: 1,
  updated: 1,
  read: false,
  pinned: false,
});
function exportFile(items: ReturnType<typeof exported>[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    format: 'satchel-cache',
    version: 1,
    exportedAt: '2026-12-04T00:00:00.000Z',
    account: account.jid,
    nodes: [{ service: pubsub, node: NODE, followed: false, analyser: 'microblog', items }],
    ...extra,
  });
}

/**
 * Every store of the database but `resumption` (its XEP-0198 counter moves with each stanza
 * the session handles, pings included; the import never touches it).
 */
function dump(p: Page): Promise<string> {
  return p.evaluate(async () => {
    const done = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(String(r.error)));
      });
    const db = await done(indexedDB.open('satchel'));
    const out: Record<string, unknown> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      if (name === 'resumption') continue;
      const store = db.transaction(name, 'readonly').objectStore(name);
      out[name] = [await done(store.getAllKeys()), await done(store.getAll())];
    }
    db.close();
    return JSON.stringify(out);
  });
}

/** What the page did with picked files: reads of any Blob, and import requests to the worker. */
function spies(p: Page): Promise<{ reads: number; imports: number }> {
  return p.evaluate(
    () => (window as unknown as { __spies: { reads: number; imports: number } }).__spies,
  );
}

async function pick(name: string, content: string | null, size?: number): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, content ?? '');
  if (size !== undefined) truncateSync(path, size); // sparse: no 500 MB written to disk
  await page.getByLabel('Import a file').setInputFiles(path);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'satchel-import-'));
  account = await registerAccount('importer');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.addInitScript(() => {
    const counts = { reads: 0, imports: 0 };
    (window as unknown as { __spies: typeof counts }).__spies = counts;
    for (const method of ['text', 'arrayBuffer', 'stream', 'slice', 'bytes'] as const) {
      const original = Object.getOwnPropertyDescriptor(Blob.prototype, method)?.value as
        ((...args: unknown[]) => unknown) | undefined;
      if (!original) continue;
      Object.defineProperty(Blob.prototype, method, {
        value(this: Blob, ...args: unknown[]) {
          counts.reads += 1;
          return original.apply(this, args);
        },
      });
    }
    for (const method of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL'] as const) {
      const original = Object.getOwnPropertyDescriptor(FileReader.prototype, method)?.value as (
        ...args: unknown[]
      ) => void;
      FileReader.prototype[method] = function (this: FileReader, ...args: unknown[]) {
        counts.reads += 1;
        original.apply(this, args);
      };
    }
    const post = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'postMessage')?.value as (
      ...args: unknown[]
    ) => void;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: unknown[]) {
      const message = args[0] as { method?: string } | undefined;
      if (message?.method === 'cache.importAll') counts.imports += 1;
      post.apply(this, args);
    };
  });
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, account, wsUrl);
  // The node exists with data of its own: two posts, one read. On the server too, and synced
  // from it: a node only imported is deleted by the session's catch-up, which finds it gone
  // from the server (coming back is exact, issue 14), whenever that catch-up lists it.
  const peer = await connectAccount(account);
  await peer.createNode(pubsub, NODE, { 'pubsub#access_model': 'open' });
  for (const [id, title] of [
    ['p1', 'Mine'],
    ['p2', 'Shared'],
  ] as const)
    await peer.publish(pubsub, NODE, id, parse(itemXml(id, title)).getChild('entry', ATOM)!);
  await peer.stop();
  const address = { service: pubsub, node: NODE };
  await pageRpc(page, 'cache.follow', address);
  // The feed says it is synced (expect.poll cannot run in a hook).
  await page.goto(new URL(feedHref(address), appUrl).href);
  await page.locator('[data-sync="completed"]').waitFor({ timeout: 30_000 });
  await pageRpc(page, 'cache.markRead', { ...address, ids: ['p1'], read: true });
  // The file's copy of p2 is the cached one, byte for byte: "already cached".
  const cached = await pageRpc(page, 'pubsub.getItems', { ...address, max: 10 });
  sharedXml = cached.items.find((item) => item.id === 'p2')?.xml ?? '';
  expect(sharedXml).toContain('Shared');
  await page.evaluate(() => {
    history.pushState({}, '', '/manage');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByLabel('Import a file').waitFor();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bad import files', () => {
  const valid = () => exportFile([exported('p3', 'New')]);
  const cases: Array<[string, () => string, RegExp]> = [
    ['empty.json', () => '', /the file is empty/u],
    ['truncated.json', () => valid().slice(0, Math.floor(valid().length / 2)), /cut short/u],
    ['array.json', () => '[1, 2, 3]', /not a Satchel cache export/u],
    [
      'nodes-not-a-list.json',
      () => JSON.stringify({ ...JSON.parse(valid()), nodes: { 0: {} } }),
      /nodes must be a list/u,
    ],
    [
      'item-wrong-shape.json',
      () => exportFile([{ ...exported('p3', 'New'), created: 'yesterday' } as never]),
      /invalid times/u,
    ],
    [
      'newer-version.json',
      () => JSON.stringify({ ...JSON.parse(valid()), version: 2 }),
      /exported by a newer Satchel \(format version 2/u,
    ],
    [
      'proto-top.json',
      () => valid().replace('{"format"', '{"__proto__":{"polluted":"yes"},"format"'),
      /forbidden key "__proto__"/u,
    ],
    [
      'proto-node.json',
      () =>
        valid().replace('"followed"', '"constructor":{"prototype":{"polluted":"yes"}},"followed"'),
      /nodes\[0\] has a forbidden key "constructor"/u,
    ],
    [
      'proto-item.json',
      () => valid().replace('{"id":"p3"', '{"__proto__":{"read":true},"id":"p3"'),
      /items\[0\] has a forbidden key "__proto__"/u,
    ],
  ];

  it.each(cases)('%s: a clear message, the database as before', async (name, content, message) => {
    const before = await dump(page);
    const { imports } = await spies(page);
    await pick(name, content());
    const alert = page.locator('.export-import [role="alert"][data-code="import-invalid"]');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(message);
    await expect(alert.textContent()).resolves.toContain('nothing was imported');
    expect(await page.getByTestId('import-report').count()).toBe(0);
    expect(await dump(page)).toBe(before);
    // Empty files are refused in the page; the others were checked by the worker, dry run only.
    expect((await spies(page)).imports - imports).toBe(name === 'empty.json' ? 0 : 1);
    const worker = browser.context.serviceWorkers()[0]!;
    expect(await worker.evaluate(() => (({}) as { polluted?: unknown }).polluted)).toBeUndefined();
  });

  it('refuses a 500 MB file from its size: not read, not sent, in seconds', async () => {
    const before = await dump(page);
    const was = await spies(page);
    const started = performance.now();
    await pick('huge.json', '{"format":"satchel-cache","version":1,', 500_000_000);
    const alert = page.locator('.export-import [role="alert"][data-code="import-invalid"]');
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toMatch(/the file is 500 MB; files over 100 MB are not read/u);
    const tookMs = performance.now() - started;
    expect(await spies(page)).toEqual(was);
    expect(await dump(page)).toBe(before);
    console.info(`500 MB file refused in ${Math.round(tookMs)} ms`);
  });

  it('items for a node cached with other data: conflicts reported, "Keep mine" changes nothing', async () => {
    const before = await dump(page);
    await pick(
      'conflicting.json',
      exportFile([
        { ...exported('p1', 'Theirs'), read: false, pinned: true },
        { ...exported('p2', 'Shared'), xml: sharedXml },
      ]),
    );
    const report = page.getByTestId('import-report');
    await expect
      .poll(() => report.textContent(), { timeout: 15_000 })
      .toContain('0 new items, 1 already cached, 1 conflict');
    await report.getByLabel('Keep mine (skip them)').check();
    await report.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-done').waitFor();
    expect(await dump(page)).toBe(before);

    await pick('conflicting-again.json', exportFile([exported('p1', 'Theirs')]));
    await expect.poll(() => report.textContent(), { timeout: 15_000 }).toContain('1 conflict');
    await report.getByLabel('Replace with the file’s').check();
    await report.getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-done').waitFor();
    const hits = await pageRpc(page, 'search.query', { text: 'theirs' });
    expect(hits.hits.map((h) => h.id)).toEqual(['p1']);
  });
});
