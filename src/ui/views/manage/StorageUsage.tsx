import { useEffect, useState } from 'preact/hooks';
import { formatBytes, plural } from '../../format/count';

/** What the browser says this origin uses (navigator.storage.estimate) and what the cache holds. */
export function StorageUsage({
  items,
  bytes,
  refresh,
}: {
  items: number;
  bytes: number;
  refresh: unknown;
}) {
  const [estimate, setEstimate] = useState<StorageEstimate>();
  useEffect(() => {
    // Absent in some browsers and in insecure contexts, whatever the DOM types say.
    const storage = navigator.storage as StorageManager | undefined;
    if (typeof storage?.estimate !== 'function') return;
    storage.estimate().then(setEstimate, () => undefined);
  }, [refresh]);
  const usage = estimate?.usage;
  const quota = estimate?.quota;
  return (
    <section class="storage-usage" aria-labelledby="storage-usage-heading">
      <h2 id="storage-usage-heading">Storage</h2>
      <p data-testid="cache-total">
        {plural(items, 'cached item')}, about {formatBytes(bytes)}.
      </p>
      {usage !== undefined && quota !== undefined && quota > 0 ? (
        <p>
          <meter min={0} max={quota} value={usage} aria-label="Storage used" />{' '}
          <span class="muted">
            This site uses {formatBytes(usage)} of the {formatBytes(quota)} the browser allows.
          </span>
        </p>
      ) : (
        <p class="muted">The browser does not say how much storage is used.</p>
      )}
    </section>
  );
}
