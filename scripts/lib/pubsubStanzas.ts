import { xml, type Element } from '@xmpp/xml';

// Builders for the XEP-0060 requests the Node peer sends. Section numbers are XEP-0060's.
export const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
export const NS_PUBSUB_OWNER = 'http://jabber.org/protocol/pubsub#owner';
const NS_DATA = 'jabber:x:data';

/** A submitted node_config data form (XEP-0004, FORM_TYPE per section 16.4.3). */
export function nodeConfigForm(config: Record<string, string>): Element {
  return xml(
    'x',
    { xmlns: NS_DATA, type: 'submit' },
    xml(
      'field',
      { var: 'FORM_TYPE', type: 'hidden' },
      xml('value', {}, 'http://jabber.org/protocol/pubsub#node_config'),
    ),
    ...Object.entries(config).map(([name, value]) =>
      xml('field', { var: name }, xml('value', {}, value)),
    ),
  );
}

function pubsubIq(to: string, type: 'get' | 'set', ns: string, child: Element): Element {
  return xml('iq', { type, to }, xml('pubsub', { xmlns: ns }, child));
}

/** Section 8.1.2: create and configure in one request. */
export function createNodeIq(to: string, node: string, config?: Record<string, string>): Element {
  const iq = pubsubIq(to, 'set', NS_PUBSUB, xml('create', { node }));
  if (config) iq.getChild('pubsub')!.append(xml('configure', {}, nodeConfigForm(config)));
  return iq;
}

/** Section 8.2.4: submit a new configuration for an existing node. */
export function configureNodeIq(to: string, node: string, config: Record<string, string>): Element {
  return pubsubIq(to, 'set', NS_PUBSUB_OWNER, xml('configure', { node }, nodeConfigForm(config)));
}

/** Section 6.1.1: `jid` (a bare JID) subscribes to the node. */
export function subscribeIq(to: string, node: string, jid: string): Element {
  return pubsubIq(to, 'set', NS_PUBSUB, xml('subscribe', { node, jid }));
}

/** Section 7.1.1. */
export function publishIq(to: string, node: string, id: string, payload: Element): Element {
  return pubsubIq(to, 'set', NS_PUBSUB, xml('publish', { node }, xml('item', { id }, payload)));
}

/** Section 7.2.1; `notify` asks the service to tell subscribers (section 7.2.2.1). */
export function retractIq(to: string, node: string, id: string, notify: boolean): Element {
  const attrs = notify ? { node, notify: 'true' } : { node };
  return pubsubIq(to, 'set', NS_PUBSUB, xml('retract', attrs, xml('item', { id })));
}

/** Section 8.5.1. */
export function purgeIq(to: string, node: string): Element {
  return pubsubIq(to, 'set', NS_PUBSUB_OWNER, xml('purge', { node }));
}

/** Section 8.4.1. */
export function deleteNodeIq(to: string, node: string): Element {
  return pubsubIq(to, 'set', NS_PUBSUB_OWNER, xml('delete', { node }));
}

/** Section 6.5.2 (all items), 6.5.7 (newest `maxItems`) or 6.5.8 (by id). */
export function itemsIq(
  to: string,
  node: string,
  opts: { maxItems?: number; ids?: string[] } = {},
): Element {
  const items = xml(
    'items',
    opts.maxItems === undefined ? { node } : { node, max_items: opts.maxItems },
  );
  for (const id of opts.ids ?? []) items.append(xml('item', { id }));
  return pubsubIq(to, 'get', NS_PUBSUB, items);
}
