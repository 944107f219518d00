import { signal } from '@preact/signals';
import type { RpcClient } from '../../rpc/client/createRpcClient';

export interface StorageEstimateView {
  usage: number;
  quota: number;
  persisted: boolean;
}

/** Usage against quota (navigator.storage.estimate), refreshed as the cache changes. */
export const storageEstimate = signal<StorageEstimateView | null>(null);

const REFRESH_GAP_MS = 30_000;
const ASKED_KEY = 'satchel.persistAsked';

/**
 * Storage health, feature-detected throughout: asks for persistent storage at a sensible moment —
 * once the user follows a first node, not at first load (browsers may grant it silently for
 * an engaged, installed app) — and keeps an estimate so the UI can warn before the quota.
 */
export function watchStorage(rpc: RpcClient): void {
  // Feature detection: older browsers and some embedders lack parts of the Storage API.
  const storage = navigator.storage as Partial<StorageManager> | undefined;
  const estimateNow = storage?.estimate?.bind(storage);
  if (!storage || !estimateNow) return;
  let last = 0;
  const refresh = async (): Promise<void> => {
    if (Date.now() - last < REFRESH_GAP_MS) return;
    last = Date.now();
    const [estimate, persisted] = await Promise.all([
      estimateNow(),
      storage.persisted ? storage.persisted() : false,
    ]);
    storageEstimate.value = { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted };
  };
  void refresh().catch(() => undefined);
  rpc.on('items', () => void refresh().catch(() => undefined));
  rpc.on('node', (node) => {
    const persist = storage.persist?.bind(storage);
    if (!node.followed || localStorage.getItem(ASKED_KEY) || !persist) return;
    localStorage.setItem(ASKED_KEY, String(Date.now()));
    void persist()
      .then(() => {
        last = 0;
        return refresh();
      })
      .catch(() => undefined);
  });
}

/** Whether usage is close enough to the quota to warn (90 %). */
export function nearQuota(estimate: StorageEstimateView | null): boolean {
  return estimate !== null && estimate.quota > 0 && estimate.usage / estimate.quota > 0.9;
}
