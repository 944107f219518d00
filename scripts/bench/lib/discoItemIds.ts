import { xml } from '@xmpp/xml';
import type { XmppPeer } from '../../lib/xmppPeer';

const NS_DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';

/**
 * Every item id of a node as the service lists them, through disco#items on the node
 * (XEP-0060 §5.5: one <item/> per item, the id as `name`), from the Node peer. This is the same
 * request the worker's sync makes to list what it must fetch on a service without RSM.
 */
export async function discoItemIds(
  peer: XmppPeer,
  service: string,
  node: string,
  timeoutMs = 60_000,
): Promise<string[]> {
  const reply = await peer.iq(
    xml('iq', { type: 'get', to: service }, xml('query', { xmlns: NS_DISCO_ITEMS, node })),
    timeoutMs,
  );
  const query = reply.getChild('query', NS_DISCO_ITEMS);
  return (query?.getChildren('item') ?? [])
    .map((item) => item.attrs.name)
    .filter((name): name is string => name !== undefined && name !== '');
}
