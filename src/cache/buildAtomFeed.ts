/**
 * A cached node as an Atom feed document (RFC 4287), built from the stored raw items. XEP-0277
 * entries are copied whole, with the elements §4.1.2 requires added when a publisher left them
 * out (atom:id, atom:title, atom:updated); any other payload is carried as XML content
 * (§4.1.3.3). Every string goes through the XML serializer, so names, text and attributes from
 * the server are escaped, never pasted.
 */
import { xml, type Element } from '@xmpp/xml';
import parse from 'ltx/lib/parse.js';
import type { ItemRecord } from '../shared/records';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** An xmpp: URI naming a node or an item (RFC 5122, XEP-0060 §12.22). */
export function pubsubUri(service: string, node: string, item?: string): string {
  const query = `;node=${encodeURIComponent(node)}${item === undefined ? '' : `;item=${encodeURIComponent(item)}`}`;
  return `xmpp:${encodeURI(service)}?${query}`;
}

const iso = (ms: number): string => new Date(Number.isFinite(ms) ? ms : 0).toISOString();

function payloadOf(item: ItemRecord): Element | undefined {
  try {
    return parse(item.xml).getChildElements()[0];
  } catch {
    return undefined; // stored items were parsed once; a broken one is still exported, as text
  }
}

function entryOf(item: ItemRecord, service: string, node: string): Element {
  const payload = payloadOf(item);
  if (payload?.is('entry', ATOM_NS)) {
    // Cut from the <item/>, so it serializes on its own with its namespace.
    payload.parent = null;
    if (!payload.getChild('id', ATOM_NS))
      payload.append(xml('id', {}, pubsubUri(service, node, item.itemId)));
    if (!payload.getChild('title', ATOM_NS)) payload.append(xml('title', {}, ''));
    if (!payload.getChild('updated', ATOM_NS))
      payload.append(xml('updated', {}, iso(item.updated)));
    return payload;
  }
  if (payload) payload.parent = null;
  return xml(
    'entry',
    {},
    xml('id', {}, pubsubUri(service, node, item.itemId)),
    xml('title', {}, item.itemId),
    xml('updated', {}, iso(item.updated)),
    payload
      ? xml('content', { type: 'application/xml' }, payload)
      : xml('content', { type: 'text' }, item.xml),
  );
}

export interface AtomFeedInput {
  service: string;
  node: string;
  title?: string;
  /** Newest first. */
  items: readonly ItemRecord[];
  now: number;
}

export function buildAtomFeed({ service, node, title, items, now }: AtomFeedInput): string {
  const updated = items.reduce((latest, item) => Math.max(latest, item.updated), 0);
  const feed = xml(
    'feed',
    { xmlns: ATOM_NS },
    xml('id', {}, pubsubUri(service, node)),
    xml('title', {}, title ?? node),
    xml('updated', {}, iso(updated > 0 ? updated : now)),
    // §4.1.1: a feed without an author in every entry names one itself.
    xml('author', {}, xml('name', {}, service)),
    xml('link', { rel: 'self', href: pubsubUri(service, node) }),
    xml('generator', { uri: 'https://xmpp.org/extensions/xep-0060.html' }, 'Satchel'),
    ...items.map((item) => entryOf(item, service, node)),
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n${feed.toString()}\n`;
}
