import type { Element } from '@xmpp/xml';
import type { NodeConfig, SubscriptionState } from '../shared/records';
import { NS } from './namespaces';
import { parseDataForm } from './parseDataForm';
import { parseNodeConfig } from './parseNodeConfig';
import { parseSubscription } from './parseSubscription';

/** XEP-0203 delayed delivery: the event happened at `stamp`, not when it arrived. */
export interface DelayStamp {
  stamp: string;
  /** `stamp` as epoch milliseconds, when it parses. */
  at?: number;
  from?: string;
}

interface EventBase {
  /** The pubsub service or PEP account the notification came from (message `from`). */
  service: string;
  node: string;
  delay?: DelayStamp;
}

export type PubsubEvent =
  /** §7.1.2: published items; an <item/> may have no payload (notification-only nodes). */
  | (EventBase & { kind: 'items'; items: Element[] })
  /** §7.2.2: retracted item ids. */
  | (EventBase & { kind: 'retract'; ids: string[] })
  /** §8.5.2: every item removed. */
  | (EventBase & { kind: 'purge' })
  /** §8.4.2: the node is gone; `redirect` is where its subscribers should go. */
  | (EventBase & { kind: 'delete'; redirect?: string })
  /** §8.2: configuration changed; `config` only when the service included the form. */
  | (EventBase & { kind: 'configuration'; config?: NodeConfig })
  /** §8.8: a subscription's state changed (approved, cancelled by the owner…). */
  | (EventBase & { kind: 'subscription'; jid: string; state: SubscriptionState; subid?: string });

export type PubsubEventParse = { ok: true; events: PubsubEvent[] } | { ok: false; reason: string };

const known = new Set(['items', 'purge', 'delete', 'configuration', 'subscription']);

function parseDelay(message: Element): DelayStamp | undefined {
  const delay = message.getChild('delay', NS.delay);
  const stamp = delay?.attrs.stamp;
  if (!delay || !stamp) return undefined;
  const result: DelayStamp = { stamp };
  const at = Date.parse(stamp);
  if (!Number.isNaN(at)) result.at = at;
  if (delay.attrs.from) result.from = delay.attrs.from;
  return result;
}

/** Splits <items/> children into runs of published items and retractions, in document order. */
function parseItems(items: Element, base: EventBase, events: PubsubEvent[]): string | undefined {
  let current: PubsubEvent | undefined;
  for (const child of items.getChildElements()) {
    if (child.getName() === 'item') {
      if (current?.kind !== 'items') events.push((current = { ...base, kind: 'items', items: [] }));
      current.items.push(child);
    } else if (child.getName() === 'retract') {
      const id = child.attrs.id;
      if (!id) return 'a <retract/> without an id';
      if (current?.kind !== 'retract')
        events.push((current = { ...base, kind: 'retract', ids: [] }));
      current.ids.push(id);
    }
  }
  return undefined;
}

/** Parses one child of <event/> into `events`; returns why it is malformed, if it is. */
function parseChild(child: Element, base: EventBase, events: PubsubEvent[]): string | undefined {
  switch (child.getName()) {
    case 'items':
      return parseItems(child, base, events);
    case 'purge':
      events.push({ ...base, kind: 'purge' });
      return undefined;
    case 'delete': {
      const uri = child.getChild('redirect')?.attrs.uri;
      events.push(uri ? { ...base, kind: 'delete', redirect: uri } : { ...base, kind: 'delete' });
      return undefined;
    }
    case 'configuration': {
      const form = child.getChild('x', NS.dataForms);
      const config = form && parseNodeConfig(parseDataForm(form).fields);
      events.push(
        config ? { ...base, kind: 'configuration', config } : { ...base, kind: 'configuration' },
      );
      return undefined;
    }
    case 'subscription': {
      const jid = child.attrs.jid;
      if (!jid) return 'a <subscription/> without a jid';
      const { state, subid } = parseSubscription(child, { node: base.node, jid, state: 'none' });
      const event: PubsubEvent = { ...base, kind: 'subscription', jid, state };
      if (subid !== undefined) event.subid = subid;
      events.push(event);
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Reads the pubsub notifications of a <message/> (XEP-0060 §7.1.2, §7.2.2, §8.2, §8.4.2,
 * §8.5.2, §8.8) into events in document order: one message may carry items and retractions
 * together. A message without an <event/> gives no events; an error message too. A malformed
 * event (no `from`, no `node`, a retraction without id) rejects the whole message with a
 * reason, so the caller can resynchronise instead of applying half of it. Never throws.
 */
export function parsePubsubEvent(message: Element): PubsubEventParse {
  const event = message.getChild('event', NS.pubsubEvent);
  if (!event || message.attrs.type === 'error') return { ok: true, events: [] };
  const service = message.attrs.from;
  if (!service) return { ok: false, reason: 'a pubsub event without a sender' };
  const delay = parseDelay(message);
  const events: PubsubEvent[] = [];
  for (const child of event.getChildElements()) {
    // Children we do not know (XEP-0248 collections…) are not ours to judge.
    if (!known.has(child.getName())) continue;
    const node = child.attrs.node;
    if (!node) return { ok: false, reason: `a pubsub <${child.getName()}/> event without a node` };
    const base: EventBase = delay ? { service, node, delay } : { service, node };
    const problem = parseChild(child, base, events);
    if (problem) return { ok: false, reason: problem };
  }
  if (events.length === 0) return { ok: false, reason: 'a pubsub event with nothing in it' };
  return { ok: true, events };
}
