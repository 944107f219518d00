import type { Page } from 'playwright-core';
import type { NodeAddress } from '../../../src/shared/protocol';
import type { BenchBrowser } from '../lib/benchBrowser';
import type { BenchProsody } from '../lib/benchProsody';
import type { TemplateMarker } from '../lib/cacheTemplate';

/** What every measurement gets: the signed-in app page with the bench module loaded. */
export interface BenchContext {
  root: string;
  benchDir: string;
  appUrl: string;
  browser: BenchBrowser;
  page: Page;
  prosody: BenchProsody;
  /** The reader account signed in in the browser. */
  account: string;
  /** The seeded 10,000-post node. */
  address: NodeAddress;
  /** The imported 1,000- and 100,000-post nodes the browser profile started with. */
  template: TemplateMarker;
  log: (message: string) => void;
}

/** Loads the bench module into the page (after every navigation) and waits for its channel. */
export async function loadBenchModule(page: Page): Promise<void> {
  await page.evaluate("import('/bench/benchPage.js').then(() => window.satchelBench.ready())");
}
