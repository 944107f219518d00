import { useEffect, useState } from 'preact/hooks';
import { useRpc } from '../rpcContext';
import { channel, connection } from '../state/appState';
import { RelativeTime } from '../views/common/RelativeTime';
import { summarizeStatus } from './statusSummary';
import { useNewestSync } from './useNewestSync';
import { errorText } from '../format/errorText';

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/**
 * Always visible: the session's status. Offline it says that saved posts are shown and how
 * fresh they are; a failure is shown, as an error, only when something is actually wrong.
 */
export function ConnectionStatus() {
  const state = connection.value;
  const rpc = useRpc();
  const [now, setNow] = useState(Date.now());
  const [retrying, setRetrying] = useState(false);
  useEffect(() => {
    if (state.nextAttemptAt === undefined) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [state.nextAttemptAt]);
  const summary = summarizeStatus(state, now);
  const syncedAt = useNewestSync(summary.offline, state.since);
  const engine = channel.value === 'ready' ? '' : ' (engine starting…)';
  const retry = () => {
    setRetrying(true);
    rpc
      .call('session.reconnectNow', {})
      .catch(() => undefined) // the status shows the outcome
      .finally(() => setRetrying(false));
  };
  return (
    <div
      class="connection-status"
      role="status"
      aria-live="polite"
      data-status={state.status}
      data-resumed={state.resumed === true ? 'true' : undefined}
      data-testid="connection-status"
      title={summary.reason}
    >
      <span class={`status-dot status-${state.status}`} aria-hidden="true" />
      <span class="status-label">
        {summary.label}
        {engine}
        {summary.offline && syncedAt !== undefined ? (
          <span class="status-saved">
            {' · '}
            <span class="status-long">showing saved posts, last synced </span>
            <span class="status-short">synced </span>
            {/* The age ticks each minute: not worth announcing every time. */}
            <span aria-live="off">
              <RelativeTime at={syncedAt} />
            </span>
          </span>
        ) : null}
      </span>
      {summary.error ? (
        <span class="status-failure status-error" data-code={summary.error.code}>
          {errorText(summary.error)} ({formatTime(summary.error.at)})
        </span>
      ) : null}
      {summary.canRetry ? (
        <button type="button" class="link-button" disabled={retrying} onClick={retry}>
          {retrying ? 'Retrying…' : 'Retry now'}
        </button>
      ) : null}
    </div>
  );
}
