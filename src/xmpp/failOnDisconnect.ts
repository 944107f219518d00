import type { Client } from '@xmpp/client-core';
import type { IqCallerApi } from '@xmpp/iq/caller.js';
import { SatchelError } from '../shared/SatchelError';

/**
 * An iq caller whose requests fail with `connection-lost` as soon as the stream goes away.
 * @xmpp/iq keeps a request pending until its timeout (30 s and more) even when the socket is
 * closed, and no answer can come: a resumed stream (XEP-0198 §5) is a new client with its own
 * caller. A sync waiting on such a request would look busy long after the session died.
 */
export function failOnDisconnect(entity: Client, caller: IqCallerApi): IqCallerApi {
  const pending = new Set<(error: SatchelError) => void>();
  let gone = false;
  entity.on('disconnect', () => {
    gone = true;
    for (const fail of pending) fail(new SatchelError('connection-lost'));
    pending.clear();
  });
  return {
    request(stanza, timeoutMs) {
      if (gone) return Promise.reject(new SatchelError('connection-lost'));
      return new Promise((resolve, reject) => {
        pending.add(reject);
        // Both outcomes are handled; one that comes after the disconnect is ignored.
        void caller.request(stanza, timeoutMs).then(
          (reply) => {
            pending.delete(reject);
            resolve(reply);
          },
          (error: unknown) => {
            pending.delete(reject);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
  };
}
