import type { ErrorCode } from './errorCodes';

/**
 * What a connection failure means to the reader, who can go on reading saved posts in all cases:
 * - `offline`: no network, or the server does not answer (stopped, restarting, unreachable).
 *   Nothing to fix: the engine keeps trying, and the status says offline, not that it failed.
 * - `dropped`: a working connection closed. The next attempt, a second later, tells which.
 * - `error`: something is wrong that waiting may not fix and the user should know about: the
 *   credentials, a server that refuses or misbehaves, or an address that never worked.
 */
export type FailureMeaning = 'offline' | 'dropped' | 'error';

/** Failures that only say "nobody answers there right now". */
const ABSENT: ReadonlySet<ErrorCode> = new Set([
  'server-unreachable',
  // A web server still answers, without its XMPP WebSocket: a proxy before a stopped server.
  'no-websocket',
  'timeout',
]);

/** RFC 6120 §4.9.3.20: the server closes every stream because it is being shut down. */
const SHUTDOWN = 'system-shutdown';

/**
 * `hadWorked`: the session was online with these settings before (a reconnection or a restored
 * sign-in). At sign-in, a server nobody answers at is most likely a wrong URL: an error. No
 * network is never an error.
 */
export function failureMeaning(
  failure: { code: ErrorCode; detail?: string | undefined },
  hadWorked: boolean,
): FailureMeaning {
  if (failure.code === 'browser-offline') return 'offline';
  if (!hadWorked) return 'error';
  if (ABSENT.has(failure.code)) return 'offline';
  if (failure.code === 'stream-error' && failure.detail === SHUTDOWN) return 'offline';
  if (failure.code === 'connection-lost') return 'dropped';
  return 'error';
}
