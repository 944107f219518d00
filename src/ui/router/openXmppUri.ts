import { parseXmppUri } from '../../shared/parseXmppUri';
import type { NodeAddress } from '../../shared/protocol';
import { feedHref, itemHref } from './paths';

const MICROBLOG_NODE = 'urn:xmpp:microblog:0';

/**
 * Where an `xmpp:` URI opens (the manifest's protocol handler sends `/open?uri=...`, RFC 5122):
 * a node, an item of it, or — for a bare JID — that account's microblog (XEP-0277 §2).
 * Returns null for a URI that names nothing Satchel can show.
 */
export function hrefForXmppUri(raw: string): string | null {
  const uri = parseXmppUri(raw);
  if (!uri || uri.jid === '') return null;
  const address: NodeAddress = { service: uri.jid, node: uri.node ?? MICROBLOG_NODE };
  return uri.item === undefined ? feedHref(address) : itemHref(address, uri.item);
}
