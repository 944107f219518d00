import { signal } from '@preact/signals';

/** A new deployment is installed and waiting: the user may reload into it. */
export const updateReady = signal(false);

const CHECK_EVERY_MS = 30 * 60_000;
const MIN_CHECK_GAP_MS = 5 * 60_000;
/** A first install takes over at once (sw.ts): a worker still waiting this long after it
 * installed waits for the user (workbox-window's test for its `waiting` event). */
const WAITING_AFTER_MS = 200;

/**
 * Finds new deployments (one already waiting when the page opened, each one the registration
 * installs later, a periodic `update()` while the app is open, and one when the page becomes
 * visible again) and applies one only when the user accepts: the waiting worker takes over, the
 * page reloads, and the new worker's engine upgrades the database and resumes the session from
 * IndexedDB.
 */
export function watchForUpdates(
  container: ServiceWorkerContainer,
  registering: Promise<ServiceWorkerRegistration>,
): { acceptUpdate: () => void } {
  let registration: ServiceWorkerRegistration | undefined;
  let lastCheck = Date.now();
  const check = (): void => {
    if (Date.now() - lastCheck < MIN_CHECK_GAP_MS) return;
    lastCheck = Date.now();
    registration?.update().catch(() => undefined); // offline: try again later
  };
  registering.then(
    (reg) => {
      registration = reg;
      if (reg.waiting) updateReady.value = true;
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state !== 'installed') return;
          setTimeout(() => {
            if (reg.waiting === worker) updateReady.value = true;
          }, WAITING_AFTER_MS);
        });
      });
    },
    () => undefined, // main.tsx reports a failed registration
  );
  setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  return {
    acceptUpdate(): void {
      container.addEventListener('controllerchange', () => location.reload());
      // sw.ts answers it with skipWaiting().
      registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
    },
  };
}
