import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { serviceWorkerReady } from '../../../test/support/browser';
import { signIn } from '../../../test/support/signIn';
import { loadBenchModule } from '../measure/BenchContext';
import type { BenchBrowser } from './benchBrowser';
import type { BenchProsody } from './benchProsody';

/**
 * Opens the app in a new tab, waits for the worker, loads the bench module and signs the
 * reader in through the form (signing out first a session a reused profile may still hold:
 * its WebSocket URL names an earlier Prosody port). `wsUrl`: another way to Prosody (a proxy).
 */
export async function openSignedIn(
  browser: BenchBrowser,
  appUrl: string,
  prosody: BenchProsody,
  wsUrl = prosody.server.wsUrl,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await loadBenchModule(page);
  const state = (await page.evaluate(() => window.satchelBench.call('session.state', {}))) as {
    status: string;
  };
  if (state.status !== 'signedOut')
    await page.evaluate(() => window.satchelBench.call('session.signOut', {}));
  await signIn(page, prosody.seed.reader, wsUrl).catch(async (error: unknown) => {
    // What the page showed instead of the form, for the one who reads the failure.
    const shot = join(dirname(browser.userDataDir), 'sign-in-failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.error(`sign-in failed; the page is in ${shot}`);
    throw error;
  });
  return page;
}
