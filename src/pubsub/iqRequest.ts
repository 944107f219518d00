import type { Element } from '@xmpp/xml';
import { SatchelError } from '../shared/SatchelError';
import type { IqCaller } from './IqCaller';
import { pubsubError } from './pubsubErrors';

/**
 * Sends one <iq/> and waits for its result, never longer than `timeoutMs` even if the caller
 * forgets its own timeout. Every failure comes out as a SatchelError (see {@link pubsubError}),
 * including an error iq that a caller resolved with instead of rejecting.
 */
export async function iqRequest(
  iq: IqCaller,
  stanza: Element,
  timeoutMs = 30_000,
): Promise<Element> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new SatchelError('timeout', `no answer from ${stanza.attrs.to ?? 'the server'}`));
    }, timeoutMs);
  });
  try {
    const reply = await Promise.race([iq.request(stanza, timeoutMs), expiry]);
    if (reply.attrs.type === 'error') throw pubsubError(reply);
    return reply;
  } catch (error) {
    throw pubsubError(error);
  } finally {
    clearTimeout(timer);
  }
}
