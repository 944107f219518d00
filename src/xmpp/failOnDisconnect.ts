import type { Client } from '@xmpp/client-core';
import type { IqCallerApi } from '@xmpp/iq/caller.js';
import { SatchelError } from '../shared/SatchelError';

/**
 * An iq caller whose requests fail with `connection-lost` as soon as the stream goes away.
 * @xmpp/iq keeps a request pending until its timeout (30 s and more) even when the socket is
 * closed, and no answer can come: a resumed stream (XEP-0198 §5) is a new client with its own
 * caller. A sync waiting on such a request would look busy long after the session died.
 */
export type PatientIqCaller = IqCallerApi & {
  /** Until when (epoch ms) an answer to a slow request may still come; 0 when none waits. */
  busyUntil(): number;
};

/** Requests given longer than the usual 30 s are ones the server takes long over: a node's
 * listing, which Prosody 0.12 computes while it answers nothing else (docs/reliability.md). */
const SLOW_REQUEST_MS = 30_000;

export function failOnDisconnect(
  entity: Client,
  caller: IqCallerApi,
  now: () => number = Date.now,
): PatientIqCaller {
  const pending = new Set<(error: SatchelError) => void>();
  const slow = new Map<(error: SatchelError) => void, number>();
  let gone = false;
  entity.on('disconnect', () => {
    gone = true;
    for (const fail of pending) fail(new SatchelError('connection-lost'));
    pending.clear();
    slow.clear();
  });
  return {
    busyUntil: () => Math.max(0, ...slow.values()),
    request(stanza, timeoutMs) {
      if (gone) return Promise.reject(new SatchelError('connection-lost'));
      return new Promise((resolve, reject) => {
        pending.add(reject);
        if (timeoutMs !== undefined && timeoutMs > SLOW_REQUEST_MS)
          slow.set(reject, now() + timeoutMs);
        // Both outcomes are handled; one that comes after the disconnect is ignored.
        void caller.request(stanza, timeoutMs).then(
          (reply) => {
            pending.delete(reject);
            slow.delete(reject);
            resolve(reply);
          },
          (error: unknown) => {
            pending.delete(reject);
            slow.delete(reject);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
  };
}
