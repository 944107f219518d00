import { createLivenessProbe, type LivenessProbe } from './createLivenessProbe';
import type { LiveSession } from './connectOnce';

/** A session quiet for a second is pinged at a page's heartbeat (every 5 s); no answer in 4 s:
 * dead. So a vanished network is noticed within 10 s while a page is open. */
const PROBE = { quietMs: 1_000, timeoutMs: 4_000 };

/**
 * The liveness probe of one live session (createLivenessProbe.ts): pings the account's server
 * over the session, and on no answer calls `onDead`, then closes the socket, whose close may
 * never be answered either (the library gives up on its own timeouts).
 */
export function probeSession(
  session: LiveSession,
  account: string,
  deps: { now: () => number; onDead: (reason: string) => void },
): LivenessProbe {
  return createLivenessProbe({
    request: (stanza, timeoutMs) => session.iqCaller.request(stanza, timeoutMs),
    domain: account.split('@')[1] ?? account,
    now: deps.now,
    ...PROBE,
    ...(session.busyUntil && { busyUntil: session.busyUntil }),
    onDead: (reason) => {
      deps.onDead(reason);
      void session.client.entity.disconnect().catch(() => undefined);
    },
  });
}
