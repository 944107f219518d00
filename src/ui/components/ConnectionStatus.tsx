import { useEffect, useState } from 'preact/hooks';
import type { ConnectionState } from '../../shared/protocol';
import { useRpc } from '../rpcContext';
import { channel, connection } from '../state/appState';

const LABELS: Record<ConnectionState['status'], string> = {
  signedOut: 'Signed out',
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
};

function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Always visible: the session's status, and the last failure with when it happened. */
export function ConnectionStatus() {
  const state = connection.value;
  const rpc = useRpc();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (state.nextAttemptAt === undefined) return;
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [state.nextAttemptAt]);
  const retryIn =
    state.nextAttemptAt === undefined
      ? undefined
      : Math.max(0, Math.ceil((state.nextAttemptAt - now) / 1000));
  const engine = channel.value === 'ready' ? '' : ' (engine starting…)';
  return (
    <div
      class="connection-status"
      role="status"
      aria-live="polite"
      data-status={state.status}
      data-resumed={state.resumed === true ? 'true' : undefined}
      data-testid="connection-status"
    >
      <span class={`status-dot status-${state.status}`} aria-hidden="true" />
      <span class="status-label">
        {state.restoring ? 'Starting…' : LABELS[state.status]}
        {retryIn !== undefined && state.status === 'reconnecting' ? ` in ${retryIn} s` : ''}
        {state.status === 'online' && state.account ? ` as ${state.account}` : ''}
        {engine}
      </span>
      {state.lastFailure && state.status !== 'online' ? (
        <span class="status-failure" data-code={state.lastFailure.code}>
          {state.lastFailure.message} ({formatTime(state.lastFailure.at)})
        </span>
      ) : null}
      {state.status === 'reconnecting' || state.status === 'offline' ? (
        <button
          type="button"
          class="link-button"
          onClick={() => void rpc.call('session.reconnectNow', {}).catch(() => undefined)}
        >
          Retry now
        </button>
      ) : null}
    </div>
  );
}
