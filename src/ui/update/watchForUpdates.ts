import { signal } from '@preact/signals';
import type { Workbox } from 'workbox-window';

/** A new deployment is installed and waiting: the user may reload into it. */
export const updateReady = signal(false);

const CHECK_EVERY_MS = 30 * 60_000;
const MIN_CHECK_GAP_MS = 5 * 60_000;

/**
 * Finds new deployments (workbox-window's `waiting` event, a periodic `update()` while the app is
 * open, and one when the page becomes visible again) and applies one only when the user accepts:
 * the waiting worker takes over, the page reloads, and the new worker's engine upgrades the
 * database and resumes the session from IndexedDB.
 */
export function watchForUpdates(workbox: Workbox): { acceptUpdate: () => void } {
  let lastCheck = Date.now();
  const check = (): void => {
    if (Date.now() - lastCheck < MIN_CHECK_GAP_MS) return;
    lastCheck = Date.now();
    workbox.update().catch(() => undefined); // offline: try again later
  };
  workbox.addEventListener('waiting', () => (updateReady.value = true));
  setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  return {
    acceptUpdate(): void {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    },
  };
}
