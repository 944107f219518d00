import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { withTimeout } from '../../scripts/lib/withTimeout';

// Debian's Chromium driven by playwright-core (never `npx playwright install`: no downloads).
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  userDataDir: string;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
  /** Closes the browser as a user quits it: the profile stays, for launchBrowser({ reopen }). */
  quit(): Promise<void>;
}

/**
 * A fresh profile each time (IndexedDB, caches and service workers start empty), or, with
 * `reopen`, the profile a quit browser left: the same user coming back.
 */
export async function launchBrowser(options: { reopen?: string } = {}): Promise<LaunchedBrowser> {
  const userDataDir = options.reopen ?? mkdtempSync(join(tmpdir(), 'satchel-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  const quit = (): Promise<void> =>
    withTimeout(context.close(), 15_000, () => 'Chromium did not close within 15 s');
  return {
    context,
    userDataDir,
    quit,
    async close() {
      try {
        await quit();
      } finally {
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Stops every service worker of the page's browser through the DevTools protocol and waits
 * until each reports "stopped". With DevTools attached Chromium never stops an idle worker by
 * itself (platform-facts.md), so this is how tests simulate the browser killing the worker.
 */
export async function stopServiceWorkers(page: Page, timeoutMs = 10_000): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const running = new Map<string, string>();
    let onChange = (): void => undefined;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) running.set(version.versionId, version.runningStatus);
      onChange();
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const allStopped = (): boolean => [...running.values()].every((status) => status === 'stopped');
    await withTimeout(
      new Promise<void>((resolve) => {
        onChange = () => {
          if (allStopped()) resolve();
        };
        onChange();
      }),
      timeoutMs,
      () => `service workers still running after ${timeoutMs} ms: ${JSON.stringify([...running])}`,
    );
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits until a service worker controls the page (after registration and clients.claim()). */
export async function serviceWorkerReady(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: timeoutMs,
  });
}
