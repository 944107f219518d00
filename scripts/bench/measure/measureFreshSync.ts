import { withTimeout } from '../../lib/withTimeout';
import { launchBenchBrowser } from '../lib/benchBrowser';
import { openSignedIn } from '../lib/openApp';
import type { BenchContext } from './BenchContext';
import { measureSync, type SyncResult } from './measureSync';

const FRESH_SYNC_TIMEOUT_MS = 10 * 60_000;

/**
 * The sync of the 10,000-post node in a fresh profile, whose database holds nothing else: a
 * user's first follow. The main measurement runs in the saved profile holding 101,000 posts,
 * where every write also pays for the size of the indexes it joins; both are reported.
 */
export async function measureFreshSync(
  base: Omit<BenchContext, 'browser' | 'page' | 'template'>,
  pairs: number,
): Promise<SyncResult> {
  const browser = await launchBenchBrowser();
  try {
    const page = await openSignedIn(browser, base.appUrl, base.prosody);
    return await withTimeout(
      measureSync({ ...base, browser, page }, pairs),
      FRESH_SYNC_TIMEOUT_MS,
      () => 'the sync in a fresh profile took over 10 min',
    );
  } finally {
    await browser.close();
  }
}
