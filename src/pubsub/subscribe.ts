import { xml } from '@xmpp/xml';
import { buildSubmitForm, type SubmitFields } from './buildSubmitForm';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseSubscription, type Subscription } from './parseSubscription';
import { pubsubIq } from './pubsubIq';

export interface SubscribeRequest {
  service: string;
  node: string;
  /** The subscriber: the account's bare JID (the service checks it matches the sender). */
  jid: string;
  /** Subscription options submitted with the request (§6.3.7, pubsub#subscribe_options). */
  options?: SubmitFields;
  timeoutMs?: number;
}

/**
 * Subscribes to a node (XEP-0060 §6.1). The answer may say 'subscribed', 'pending' (the owner
 * must approve, §6.1.4) or 'unconfigured' (options required first, §6.1.5); an empty result
 * (some services send one) is taken as success: 'subscribed'.
 */
export async function subscribe(iq: IqCaller, request: SubscribeRequest): Promise<Subscription> {
  const { service, node, jid, options } = request;
  const stanza = pubsubIq(
    'set',
    service,
    'pubsub',
    xml('subscribe', { node, jid }),
    options && xml('options', {}, buildSubmitForm(NS.subscribeOptions, options)),
  );
  const reply = await iqRequest(iq, stanza, request.timeoutMs);
  const element = reply.getChild('pubsub', NS.pubsub)?.getChild('subscription');
  return parseSubscription(element, { node, jid, state: 'subscribed' });
}
