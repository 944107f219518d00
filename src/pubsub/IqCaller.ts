import type { Element } from '@xmpp/xml';

/**
 * What the pubsub client needs from a session: send an <iq/> and get its answer. The session
 * layer adapts @xmpp/client's iqCaller to it; tests pass a fake.
 *
 * `request` resolves with the `type='result'` iq. On an error it rejects with either what
 * @xmpp/iq's caller throws (an XMPPError/StanzaError with `.condition`, `.text`, `.application`
 * and `.element`, the <error/> child) or the raw `<iq type='error'/>` element; it may also
 * resolve with the error iq. {@link pubsubError} accepts all of those.
 */
export interface IqCaller {
  request(stanza: Element, timeoutMs?: number): Promise<Element>;
}
