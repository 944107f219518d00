import { PERIODIC_REFRESH_TAG } from '../../shared/periodicRefreshTag';

/** What Chromium adds to a registration for Periodic Background Sync (not in TypeScript's DOM lib). */
interface PeriodicSyncManager {
  register(tag: string, options: { minInterval: number }): Promise<void>;
}

/**
 * Where Periodic Background Sync exists and is granted (an installed app in Chromium), the
 * worker refreshes synced nodes in the background about twice a day. Elsewhere the engine
 * catches up whenever the app opens. Feature-detected: never fails where it is missing.
 */
export async function registerPeriodicRefresh(): Promise<boolean> {
  const registration = await navigator.serviceWorker.ready;
  const periodicSync = (
    registration as ServiceWorkerRegistration & { periodicSync?: PeriodicSyncManager }
  ).periodicSync;
  if (!periodicSync) return false;
  try {
    const permission = await navigator.permissions.query({
      name: 'periodic-background-sync' as PermissionName,
    });
    if (permission.state !== 'granted') return false;
    await periodicSync.register(PERIODIC_REFRESH_TAG, { minInterval: 12 * 3600_000 });
    return true;
  } catch {
    return false;
  }
}
