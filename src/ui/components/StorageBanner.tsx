import { useState } from 'preact/hooks';
import { SatchelError } from '../../shared/SatchelError';
import { useRpc } from '../rpcContext';
import { storage } from '../state/appState';
import { errorText } from '../format/errorText';

const TEXT: Record<string, string> = {
  full: 'Storage is full: nothing more can be cached until space is freed. Free some (remove cached nodes, or other sites’ data), then try again.',
  versionChanged: 'Satchel was updated in another tab. Reload this page to continue.',
  deleted:
    'Satchel’s database was deleted (by another tab, or by clearing this site’s data). Nothing more is cached until you start again with an empty one.',
  blocked: 'Satchel is waiting for an older tab to close before it can upgrade its database.',
  upgradeFailed:
    'The local database could not be upgraded. Your previous data is untouched: try again, or export it before resetting.',
  error: 'The local database failed.',
};

/** Database states the user must know about (issue 3: versionchange, blocked, quota, upgrade). */
export function StorageBanner() {
  const state = storage.value;
  if (state.status === 'ok') return null;
  const failed = state.status === 'upgradeFailed' || state.status === 'error';
  return (
    <div class="banner banner-warning" role="alert" data-storage={state.status}>
      <p>
        {TEXT[state.status] ?? (state.error && errorText(state.error))}
        {state.error?.detail ? <span class="muted"> ({state.error.detail})</span> : null}
      </p>
      {state.status === 'versionChanged' ? (
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      ) : null}
      {failed ? <RecoveryActions /> : null}
      {state.status === 'deleted' ? <RetryStorage label="Start again" /> : null}
      {state.status === 'full' ? <RetryStorage label="Try again" /> : null}
    </div>
  );
}

/**
 * `storage.retry`: after a deletion it opens a new, empty database in the engine (a reload would
 * not: the worker outlives pages); after a full disk it runs what failed again, now.
 */
function RetryStorage({ label }: { label: string }) {
  const rpc = useRpc();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const start = async () => {
    setBusy(true);
    try {
      await rpc.call('storage.retry', {}, 60_000);
    } catch (error) {
      setMessage(errorText(SatchelError.from(error)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="banner-actions">
      <button type="button" disabled={busy} onClick={() => void start()}>
        {label}
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}

function RecoveryActions() {
  const rpc = useRpc();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      await work();
    } catch (error) {
      setMessage(errorText(SatchelError.from(error)));
    } finally {
      setBusy(false);
    }
  };
  const exportRaw = async () => {
    const { json } = await rpc.call('storage.exportRaw', {}, 120_000);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    link.download = `satchel-raw-export-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const reset = async () => {
    if (!confirm('Erase every record Satchel keeps in this browser and start again?')) return;
    await rpc.call('storage.reset', {}, 60_000);
  };
  return (
    <div class="banner-actions">
      <button
        type="button"
        disabled={busy}
        onClick={() => void act(() => rpc.call('storage.retry', {}, 60_000).then(() => undefined))}
      >
        Try again
      </button>
      <button type="button" disabled={busy} onClick={() => void act(exportRaw)}>
        Export raw data
      </button>
      <button type="button" disabled={busy} onClick={() => void act(reset)}>
        Reset
      </button>
      {message ? <p role="status">{message}</p> : null}
    </div>
  );
}
