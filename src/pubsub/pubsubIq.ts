import { xml, type Element } from '@xmpp/xml';
import { NS } from './namespaces';

type Child = Element | null | undefined | false;

/**
 * Builds `<iq type to><pubsub xmlns>…</pubsub></iq>`, the envelope of every XEP-0060 request:
 * the entity namespace for §6 and §7, `owner` for §8.
 */
export function pubsubIq(
  type: 'get' | 'set',
  service: string,
  namespace: 'pubsub' | 'owner',
  ...children: Child[]
): Element {
  const xmlns = namespace === 'owner' ? NS.pubsubOwner : NS.pubsub;
  return xml('iq', { type, to: service }, xml('pubsub', { xmlns }, ...children));
}
