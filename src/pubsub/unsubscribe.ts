import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseSubscription, type Subscription } from './parseSubscription';
import { pubsubIq } from './pubsubIq';

export interface UnsubscribeRequest {
  service: string;
  node: string;
  jid: string;
  /** Which subscription, when the JID has several (§6.2). */
  subid?: string;
  timeoutMs?: number;
}

/** Unsubscribes from a node (XEP-0060 §6.2); an empty result means the state is now 'none'. */
export async function unsubscribe(
  iq: IqCaller,
  request: UnsubscribeRequest,
): Promise<Subscription> {
  const { service, node, jid, subid } = request;
  const stanza = pubsubIq('set', service, 'pubsub', xml('unsubscribe', { node, jid, subid }));
  const reply = await iqRequest(iq, stanza, request.timeoutMs);
  const element = reply.getChild('pubsub', NS.pubsub)?.getChild('subscription');
  return parseSubscription(element, { node, jid, state: 'none' });
}
