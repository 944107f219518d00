import type { Page } from 'playwright-core';
import { serviceWorkerReady } from '../../../test/support/browser';
import { signIn } from '../../../test/support/signIn';
import { loadBenchModule } from '../measure/BenchContext';
import type { BenchBrowser } from './benchBrowser';
import type { BenchProsody } from './benchProsody';

/** Opens the app in a new tab, waits for the worker, signs the reader in through the form and
 * loads the bench module. */
export async function openSignedIn(
  browser: BenchBrowser,
  appUrl: string,
  prosody: BenchProsody,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(appUrl);
  await serviceWorkerReady(page);
  await signIn(page, prosody.seed.reader, prosody.server.wsUrl);
  await loadBenchModule(page);
  return page;
}
