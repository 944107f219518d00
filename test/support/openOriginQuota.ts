import type { Page } from 'playwright-core';

/** The database the test fills the origin with; the app never uses this name. */
const FILLER = 'test-quota-filler';

export interface OriginQuota {
  /** Sets the origin's quota to `bytes` (checked: the override is in force). */
  set(bytes: number): Promise<void>;
  /** What the quota manager counts for the origin, with the override in force. */
  usage(): Promise<{ usage: number; quota: number; overrideActive: boolean }>;
  /**
   * Writes random filler into an IndexedDB database of the origin from the page until not even
   * 1 KB more is accepted: the origin is full. Returns the bytes written and the last error.
   */
  fill(): Promise<{ bytes: number; error: string }>;
  /** Deletes the filler: the space is back. */
  free(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The origin's storage quota as a test controls it, measured in Chromium 156 (issue 15):
 * - `Storage.overrideQuotaForOrigin` works on the page's own DevTools session (the browser
 *   target answers "Internal error") and IndexedDB and Cache Storage writes obey it;
 *   `navigator.storage.estimate()` does not show it (it says usage + 10 GiB), so it is read
 *   back with `Storage.getUsageAndQuota`.
 * - IndexedDB allots writes from the space remaining it last got from the quota manager,
 *   decaying over 30 s (BucketContext::CheckCanUseDiskSpace), one figure per origin shared by
 *   the page and the worker. A quota lowered after the worker's first write is ignored until
 *   that figure is used up or 30 s old: set it before the app loads. Filling through IndexedDB
 *   uses the figure up, so the worker's next write is checked against the full origin.
 * - Filler is random bytes: Chromium compresses IndexedDB values, and a repeated string took
 *   a twentieth of its length.
 * `page` may not be on `origin` yet; `fill` and `free` need it there.
 */
export async function openOriginQuota(page: Page, origin: string): Promise<OriginQuota> {
  const cdp = await page.context().newCDPSession(page);
  const usage = async () => {
    const answer = await cdp.send('Storage.getUsageAndQuota', { origin });
    return { usage: answer.usage, quota: answer.quota, overrideActive: answer.overrideActive };
  };
  return {
    usage,
    async set(bytes) {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
      const after = await usage();
      if (!after.overrideActive || after.quota !== bytes)
        throw new Error(`quota override not in force: ${JSON.stringify(after)}`);
    },
    fill: () =>
      page.evaluate(async (name) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open(name, 1);
          open.onupgradeneeded = () => open.result.createObjectStore('filler');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(new Error(String(open.error)));
        });
        const random = (size: number): Uint8Array => {
          const bytes = new Uint8Array(size);
          for (let at = 0; at < size; at += 65_536)
            crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
          return bytes;
        };
        const put = (key: number, value: Uint8Array) =>
          new Promise<void>((resolve, reject) => {
            const tx = db.transaction('filler', 'readwrite');
            tx.objectStore('filler').put(value, key);
            tx.oncomplete = () => resolve();
            tx.onabort = () => reject(tx.error ?? new Error('aborted'));
          });
        let bytes = 0;
        let error = '';
        let key = 0;
        try {
          // 1 MB pieces until one is refused, then smaller ones, down to 1 KB.
          for (let size = 1 << 20; size >= 1024; size >>= 2) {
            for (;;) {
              try {
                await put(key++, random(size));
                bytes += size;
              } catch (e) {
                error = e instanceof DOMException ? e.name : String(e);
                if (error !== 'QuotaExceededError') throw e;
                break;
              }
            }
          }
        } finally {
          db.close();
        }
        return { bytes, error };
      }, FILLER),
    free: () =>
      page.evaluate(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => reject(new Error(String(request.error)));
          }),
        FILLER,
      ),
    close: () => cdp.detach().catch(() => undefined),
  };
}
