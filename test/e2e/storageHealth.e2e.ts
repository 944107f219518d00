import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectAccount, registerAccount } from '../support/accounts';
import { atomEntry } from '../support/atomEntry';
import { launchBrowser, serviceWorkerReady, type LaunchedBrowser } from '../support/browser';
import { pageRpc } from '../support/pageRpc';
import { SCALE_NODE } from '../support/scaleNode';
import { signIn } from '../support/signIn';

// Issue 6 "Storage": persistent storage is asked for after the first follow (not at first
// load), and the user is warned before the quota is reached. The Storage API is observed (and
// for the quota, stood in for) by a script that runs before the app.
const appUrl = inject('appUrl');
const wsUrl = inject('wsUrl');
const pubsub = inject('pubsubService');
let browser: LaunchedBrowser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('storage health', () => {
  it('asks for persistent storage after the first follow, not before', async () => {
    const account = await registerAccount('persist');
    const peer = await connectAccount(account);
    const node = `blog/persist-${Date.now()}`;
    await peer.createNode(pubsub, node, { 'pubsub#access_model': 'open' });
    await peer.publish(pubsub, node, 'one', atomEntry('one'));
    await peer.stop();
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const calls: string[] = [];
      (window as unknown as { persistCalls: string[] }).persistCalls = calls;
      navigator.storage.persist = () => {
        calls.push(new Date().toISOString());
        return Promise.resolve(true);
      };
    });
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    await signIn(page, account, wsUrl);
    const calls = () =>
      page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls.length);
    expect(await calls()).toBe(0);
    await pageRpc(page, 'cache.follow', { service: pubsub, node });
    await expect.poll(calls, { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: /Sign out/u }).click();
    await page.close();
  });

  it('warns when usage nears the quota', async () => {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      navigator.storage.estimate = () => Promise.resolve({ usage: 95e6, quota: 100e6 });
    });
    await page.goto(appUrl);
    const warning = page.locator('[data-storage-warning]');
    await warning.waitFor({ timeout: 15_000 });
    await expect(warning.textContent()).resolves.toContain('95 MB');
    await page.close();
  });
});

/**
 * The synced node as the database holds it, read with the plain IndexedDB API (the app's pages
 * never open it; the test plays another tab): its items, the count kept beside them, its state.
 */
function storedNode(page: Page, service: string, node: string) {
  return page.evaluate(
    async ({ service, node }) => {
      const done = <T>(r: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(new Error(String(r.error)));
        });
      const db = await done(indexedDB.open('satchel'));
      try {
        const tx = db.transaction(['items', 'nodeCounts', 'nodes'], 'readonly');
        const all = (await done(tx.objectStore('items').getAllKeys())) as string[][];
        const keys = all.filter((k) => k[1] === service && k[2] === node);
        const counts = (await done(tx.objectStore('nodeCounts').getAll())) as Array<{
          service: string;
          node: string;
          items: number;
        }>;
        const records = (await done(tx.objectStore('nodes').getAll())) as Array<{
          service: string;
          node: string;
          syncState: string;
          syncError?: { code: string };
        }>;
        const record = records.find((r) => r.service === service && r.node === node);
        return {
          items: keys.length,
          counted: counts.find((c) => c.service === service && c.node === node)?.items ?? 0,
          syncState: record?.syncState,
          errorCode: record?.syncError?.code,
        };
      } finally {
        db.close();
      }
    },
    { service, node },
  );
}

describe('the database under the engine (issue 15)', () => {
  it('a database deleted by another tab: says so, and starts again with an empty one', async () => {
    const account = await registerAccount('deleted');
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    await signIn(page, account, wsUrl);
    const other = await browser.context.newPage();
    await other.goto(appUrl);
    await other.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase('satchel');
          request.onsuccess = () => resolve();
          request.onerror = () => reject(new Error(String(request.error)));
        }),
    );
    const banner = page.locator('[data-storage="deleted"]');
    await banner.waitFor({ timeout: 15_000 });
    await expect(banner.textContent()).resolves.toContain('database was deleted');
    await other.close();
    await banner.getByRole('button', { name: 'Start again' }).click();
    await page.locator('[data-storage]').waitFor({ state: 'detached', timeout: 15_000 });
    // The engine works on a new database: a follow is stored and synced.
    await pageRpc(page, 'cache.follow', { service: pubsub, node: SCALE_NODE });
    await expect
      .poll(async () => (await storedNode(page, pubsub, SCALE_NODE)).syncState, {
        timeout: 60_000,
      })
      .toBe('completed');
    await page.getByRole('button', { name: /Sign out/u }).click();
    await page.close();
  }, 120_000);
});

describe('background refresh', () => {
  it('wakes the worker on a periodic sync event, which reconnects by itself', async () => {
    const account = await registerAccount('periodic');
    const page = await browser.context.newPage();
    await page.goto(appUrl);
    await serviceWorkerReady(page);
    await signIn(page, account, wsUrl);
    const cdp = await browser.context.newCDPSession(page);
    const registrations: string[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => {
      for (const r of updated) registrations.push(r.registrationId);
    });
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.length).toBeGreaterThan(0);
    const logs: string[] = [];
    browser.context.on('console', (message) => logs.push(message.text()));
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', {
      origin: new URL(appUrl).origin,
      registrationId: registrations[0]!,
      tag: 'satchel-refresh',
    });
    await expect
      .poll(() => logs.some((l) => l.includes('[satchel] background refresh')), { timeout: 20_000 })
      .toBe(true);
    await expect
      .poll(() => logs.some((l) => /\[satchel\] connecting \(again/u.test(l)), { timeout: 20_000 })
      .toBe(true);
    await cdp.detach();
    await page.getByRole('button', { name: /Sign out/u }).click();
    await page.close();
  });
});
