import { failureMeaning } from '../../shared/failureMeaning';
import type { ConnectionState, FailureInfo } from '../../shared/protocol';

/** What the status bar says about the session, decided apart from how it is drawn. */
export interface StatusSummary {
  label: string;
  /** Offline: say that saved posts are shown, and how fresh they are. */
  offline: boolean;
  /** A failure to show as an error: only when something is actually wrong. */
  error?: FailureInfo;
  /** Why the session is offline, in plain words (a hint, not an error). */
  reason?: string;
  /** The user may ask for an attempt now. */
  canRetry: boolean;
}

const LABELS: Record<ConnectionState['status'], string> = {
  signedOut: 'Signed out',
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
};

export function summarizeStatus(state: ConnectionState, now: number): StatusSummary {
  const { status, lastFailure } = state;
  const summary: StatusSummary = {
    label: state.restoring ? 'Starting…' : LABELS[status],
    offline: status === 'offline',
    canRetry: status === 'reconnecting' || status === 'offline',
  };
  if (status === 'online' && state.account) summary.label += ` as ${state.account}`;
  if (status === 'reconnecting')
    summary.label +=
      state.nextAttemptAt === undefined
        ? '…'
        : ` in ${Math.max(0, Math.ceil((state.nextAttemptAt - now) / 1000))} s`;
  if (!lastFailure || status === 'online' || status === 'connecting') return summary;
  if (status === 'offline') {
    summary.reason =
      lastFailure.code === 'browser-offline' ? 'No network.' : 'The server is not answering.';
    return summary;
  }
  // Signed out by a failure (at sign-in, or credentials that stopped working): always an error.
  // Reconnecting: the session had worked; only what waiting does not fix is an error.
  if (status === 'signedOut' || failureMeaning(lastFailure, true) === 'error')
    summary.error = lastFailure;
  return summary;
}
