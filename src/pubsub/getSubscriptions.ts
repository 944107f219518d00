import { xml } from '@xmpp/xml';
import type { IqCaller } from './IqCaller';
import { iqRequest } from './iqRequest';
import { NS } from './namespaces';
import { parseSubscription, type Subscription } from './parseSubscription';
import { pubsubIq } from './pubsubIq';

/**
 * The requesting account's subscriptions at a service (XEP-0060 §5.6), or to one node. Entries
 * without a jid are skipped: nothing could be done with them.
 */
export async function getSubscriptions(
  iq: IqCaller,
  service: string,
  node?: string,
  options: { timeoutMs?: number } = {},
): Promise<Subscription[]> {
  const stanza = pubsubIq('get', service, 'pubsub', xml('subscriptions', { node }));
  const reply = await iqRequest(iq, stanza, options.timeoutMs);
  const list = reply.getChild('pubsub', NS.pubsub)?.getChild('subscriptions');
  const subscriptions: Subscription[] = [];
  for (const element of list?.getChildren('subscription') ?? []) {
    const subscriptionNode = element.attrs.node ?? list?.attrs.node ?? node;
    if (!element.attrs.jid || subscriptionNode === undefined) continue;
    subscriptions.push(
      parseSubscription(element, { node: subscriptionNode, jid: element.attrs.jid, state: 'none' }),
    );
  }
  return subscriptions;
}
