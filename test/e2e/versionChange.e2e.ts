import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount } from '../support/accounts';
import { serviceWorkerReady } from '../support/browser';
import { startDeployments, type Deployments } from '../support/deploymentHarness';
import { signIn, statusIs } from '../support/signIn';

// Issue 3 "Coordination": an upgrade blocked by an old connection says so and proceeds when it
// closes; a connection that sees a newer version elsewhere closes and the UI asks for a reload.
// The app's pages never open IndexedDB; these tests do, to play the part of the other side.
const wsUrl = inject('wsUrl');
let deployments: Deployments;

beforeAll(async () => {
  deployments = await startDeployments({ buildId: 'next-blocked', wsUrl });
}, 180_000);
afterAll(() => deployments?.close());

/** Opens the database from a page and keeps it open, ignoring versionchange (an old client). */
async function holdDatabase(page: Page, version?: number): Promise<number> {
  return page.evaluate(
    (v) =>
      new Promise<number>((resolve, reject) => {
        const request = v === undefined ? indexedDB.open('satchel') : indexedDB.open('satchel', v);
        request.onsuccess = () => {
          (window as unknown as { held: IDBDatabase }).held = request.result;
          resolve(request.result.version);
        };
        request.onerror = () => reject(new Error(String(request.error)));
      }),
    version,
  );
}

describe('database version coordination', () => {
  it('reports an upgrade blocked by an old connection, and upgrades once it closes', async () => {
    const page = await deployments.browser.context.newPage();
    await page.goto(deployments.url);
    await serviceWorkerReady(page);
    await signIn(page, await registerAccount('blocked'), wsUrl);
    const holder = await deployments.browser.context.newPage();
    await holder.goto(deployments.url);
    const version = await holdDatabase(holder);

    deployments.deployNext();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.locator('[data-update="ready"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await page.locator('[data-storage="blocked"]').waitFor({ timeout: 30_000 });

    await holder.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await page.locator('[data-storage]').waitFor({ state: 'detached', timeout: 30_000 });
    await statusIs(page, 'online', 30_000);
    const worker = deployments.browser.context.serviceWorkers()[0]!;
    const after = await worker.evaluate(
      async () => (await indexedDB.databases()).find((d) => d.name === 'satchel')?.version ?? 0,
    );
    expect(after).toBe(deployments.nextSchemaVersion * 10);
    expect(after).toBeGreaterThan(version);
    await holder.close();

    // Now a newer version appears elsewhere: the engine closes its connection and pages are
    // told to reload rather than keep working against a schema they do not know.
    const newer = await holdDatabase(page, after + 10);
    expect(newer).toBe(after + 10);
    await page.locator('[data-storage="versionChanged"]').waitFor({ timeout: 30_000 });
    await page.close();
  }, 180_000);
});
