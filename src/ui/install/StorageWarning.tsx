import { nearQuota, storageEstimate } from './storageHealth';

const mb = (bytes: number): string => `${Math.round(bytes / 1e6)} MB`;

/** Warns before the quota is reached, so nothing fails silently later. */
export function StorageWarning() {
  const estimate = storageEstimate.value;
  if (!estimate || !nearQuota(estimate)) return null;
  return (
    <div class="banner banner-warning" role="alert" data-storage-warning>
      <p>
        Satchel uses {mb(estimate.usage)} of the {mb(estimate.quota)} this browser allows. Remove
        cached nodes or old items before it is full.
      </p>
    </div>
  );
}
