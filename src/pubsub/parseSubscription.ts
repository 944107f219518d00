import type { Element } from '@xmpp/xml';
import type { SubscriptionState } from '../shared/records';

export interface Subscription {
  node: string;
  jid: string;
  state: SubscriptionState;
  subid?: string;
  /** When the subscription ends, if the service set a time (pubsub#expire, XEP-0060 §6.3). */
  expiry?: string;
  /** Options must be configured before notifications flow (§6.1.5). */
  configurationRequired: boolean;
}

const states = new Set<string>(['none', 'subscribed', 'pending', 'unconfigured']);

/**
 * Reads a <subscription/> element (XEP-0060 §6.1.2, §5.6, §8.8). Attributes the service left
 * out fall back to what we asked for; an unknown state reads as 'none'.
 */
export function parseSubscription(
  element: Element | undefined,
  fallback: { node: string; jid: string; state: SubscriptionState },
): Subscription {
  const attrs = element?.attrs ?? {};
  const stateAttr = attrs.subscription;
  const state =
    stateAttr === undefined
      ? fallback.state
      : states.has(stateAttr)
        ? (stateAttr as SubscriptionState)
        : 'none';
  const required = element?.getChild('subscribe-options')?.getChild('required') !== undefined;
  const subscription: Subscription = {
    node: attrs.node ?? fallback.node,
    jid: attrs.jid ?? fallback.jid,
    state,
    configurationRequired: required || state === 'unconfigured',
  };
  if (attrs.subid !== undefined) subscription.subid = attrs.subid;
  if (attrs.expiry !== undefined) subscription.expiry = attrs.expiry;
  return subscription;
}
