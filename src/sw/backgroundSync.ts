/** The Background Sync tag of the outbox (issue 17): one registration however many writes. */
export const OUTBOX_SYNC_TAG = 'satchel-outbox';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** The registration's SyncManager where the browser has Background Sync (Chromium), else
 * undefined: the outbox is then sent when the session comes back. Not in TypeScript's lib. */
export function backgroundSync(scope: ServiceWorkerGlobalScope): SyncManagerLike | undefined {
  return (scope.registration as ServiceWorkerRegistration & { sync?: SyncManagerLike }).sync;
}
