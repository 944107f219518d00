/**
 * Reads RFC 4287 §4.2.7 links and RFC 4685 §3 thr:in-reply-to, and derives what the reader
 * needs from the links: the web page (rel='alternate'), the comments node (XEP-0277 Comments:
 * rel='replies' with an xmpp: href naming a node) and the enclosures (attachments).
 */
import type { Element } from '@xmpp/xml';
import { parseXmppUri } from '../../shared/parseXmppUri';
import type {
  AtomLink,
  CommentsNode,
  Enclosure,
  InReplyTo,
  PubsubTarget,
} from '../../shared/microblogTypes';
import { bareJid } from './bareJid';

function attr(element: Element, name: string): string | undefined {
  const value = element.attrs[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The pubsub node (and item) an `xmpp:service?;node=...;item=...` URI names, if any. */
export function pubsubTarget(href: string): PubsubTarget | undefined {
  const uri = parseXmppUri(href);
  const service = uri === null ? undefined : bareJid(uri.jid);
  if (uri?.node === undefined || service === undefined || uri.node === '') return undefined;
  return uri.item === undefined
    ? { service, node: uri.node }
    : { service, node: uri.node, item: uri.item };
}

export function readAtomLink(element: Element, label: string, problems: string[]): AtomLink {
  const href = attr(element, 'href');
  if (href === undefined) problems.push(`${label}: no href`);
  // §4.2.7.2: a link without rel is an alternate.
  const link: AtomLink = { rel: attr(element, 'rel') ?? 'alternate', href: href ?? '' };
  for (const name of ['type', 'title', 'hreflang', 'ref'] as const) {
    const value = attr(element, name);
    if (value !== undefined) link[name] = value;
  }
  const length = attr(element, 'length');
  if (length !== undefined) {
    if (/^\d+$/.test(length)) link.length = Number(length);
    else problems.push(`${label}: length "${length.slice(0, 32)}" is not a number; ignored`);
  }
  return link;
}

function webAlternate(links: AtomLink[]): string | undefined {
  const alternates = links.filter((link) => link.rel === 'alternate' && link.href !== '');
  const isWeb = (link: AtomLink) => /^https?:/i.test(link.href);
  return (
    alternates.find((link) => isWeb(link) && link.type === 'text/html') ??
    alternates.find(isWeb) ??
    alternates[0]
  )?.href;
}

export interface LinkViews {
  alternate?: string;
  comments: CommentsNode[];
  enclosures: Enclosure[];
}

export function deriveLinkViews(links: AtomLink[], problems: string[]): LinkViews {
  const views: LinkViews = { comments: [], enclosures: [] };
  const alternate = webAlternate(links);
  if (alternate !== undefined) views.alternate = alternate;
  for (const link of links) {
    if (link.rel === 'replies' && /^xmpp:/i.test(link.href)) {
      const target = pubsubTarget(link.href);
      if (target === undefined)
        problems.push(`link replies: "${link.href.slice(0, 128)}" names no node`);
      else views.comments.push({ uri: link.href, service: target.service, node: target.node });
    } else if (link.rel === 'enclosure' && link.href !== '') {
      const enclosure: Enclosure = { href: link.href };
      if (link.type !== undefined) enclosure.type = link.type;
      if (link.length !== undefined) enclosure.length = link.length;
      if (link.title !== undefined) enclosure.title = link.title;
      views.enclosures.push(enclosure);
    }
  }
  return views;
}

export function readInReplyTo(element: Element, problems: string[]): InReplyTo {
  const ref = attr(element, 'ref');
  if (ref === undefined) problems.push('in-reply-to: no ref');
  const reply: InReplyTo = { ref: ref ?? '' };
  for (const name of ['href', 'type', 'source'] as const) {
    const value = attr(element, name);
    if (value !== undefined) reply[name] = value;
  }
  const target = reply.href === undefined ? undefined : pubsubTarget(reply.href);
  if (target !== undefined) reply.target = target;
  return reply;
}
