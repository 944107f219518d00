import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { withTimeout } from '../../lib/withTimeout';
import { connectCdp, type CdpClient } from './cdpClient';

// Debian's Chromium as test/support/browser.ts starts it, plus a DevTools port for the
// browser-wide protocol connection (the worker's heap; see cdpClient.ts).
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
  '--remote-debugging-port=0',
];

export interface BenchBrowser {
  context: BrowserContext;
  /** The profile directory (its processes' command lines name it). */
  userDataDir: string;
  cdp: CdpClient;
  version: string;
  /** Closes Chromium and removes a temporary profile, unless `keepProfile`. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * A fresh temporary profile, empty or a copy of `fromProfile` (lib/cacheTemplate.ts: a profile
 * whose cache already holds the imported nodes); or `profileDir` itself, kept on close.
 */
export async function launchBenchBrowser(
  options: { fromProfile?: string; profileDir?: string } = {},
): Promise<BenchBrowser> {
  const temporary = options.profileDir === undefined;
  const userDataDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'satchel-bench-chromium-'));
  mkdirSync(userDataDir, { recursive: true });
  let context: BrowserContext | undefined;
  try {
    if (options.fromProfile !== undefined)
      cpSync(options.fromProfile, userDataDir, { recursive: true });
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
      viewport: { width: 1280, height: 900 },
    });
    const cdp = await connectCdp(userDataDir);
    const { product } = await cdp.send<{ product: string }>('Browser.getVersion');
    const opened = context;
    return {
      context: opened,
      userDataDir,
      cdp,
      version: product,
      async close(options = {}) {
        cdp.close();
        try {
          await withTimeout(opened.close(), 30_000, () => 'Chromium did not close within 30 s');
        } finally {
          if (temporary && !options.keepProfile)
            rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    if (temporary) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
