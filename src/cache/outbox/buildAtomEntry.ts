import type { DraftParams, ParentAddress } from '../../shared/protocol';

const THREADING = 'http://purl.org/syndication/thread/1.0';

export interface AtomEntryInput {
  draft: DraftParams;
  /** The author's bare JID (XEP-0277 §3: author/uri is the xmpp: URI of the publisher). */
  author: string;
  service: string;
  node: string;
  itemId: string;
  published: number;
  updated: number;
  parent?: ParentAddress;
}

/**
 * The XEP-0277 Atom entry (RFC 4287) for a post or a comment, as text: built once when the
 * write is composed, so a resend publishes the same bytes. A microblog entry's title carries
 * the text (XEP-0277 §3): a post without a title is its text alone; one with a title keeps the
 * text as content. Comments (§6) point at their post with Atom threading (RFC 4685).
 */
export function buildAtomEntry(input: AtomEntryInput): string {
  const { draft, author, service, node, itemId } = input;
  const title = draft.title.trim() || draft.text.trim();
  const content = draft.title.trim() ? draft.text.trim() : '';
  const domain = author.split('@')[1] ?? author;
  const day = new Date(input.published).toISOString().slice(0, 10);
  const parts = [
    `<entry xmlns="http://www.w3.org/2005/Atom">`,
    `<title type="text">${text(title)}</title>`,
    content ? `<content type="text">${text(content)}</content>` : '',
    `<id>tag:${text(domain)},${day}:${text(itemId)}</id>`,
    `<published>${new Date(input.published).toISOString()}</published>`,
    `<updated>${new Date(input.updated).toISOString()}</updated>`,
    `<author><name>${text(author.split('@')[0] ?? author)}</name><uri>xmpp:${text(author)}</uri></author>`,
    ...draft.categories
      .map((term) => term.trim())
      .filter(Boolean)
      .map((term) => `<category term="${attr(term)}"/>`),
    `<link rel="alternate" href="${attr(xmppItemUri(service, node, itemId))}"/>`,
    input.parent
      ? `<thr:in-reply-to xmlns:thr="${THREADING}" ref="${attr(xmppItemUri(input.parent.service, input.parent.node, input.parent.itemId))}"/>`
      : '',
    `</entry>`,
  ];
  return parts.join('');
}

/** XEP-0060 §12.22 item URI: xmpp:service?;node=...;item=... */
function xmppItemUri(service: string, node: string, itemId: string): string {
  const enc = (s: string) => encodeURIComponent(s);
  return `xmpp:${service}?;node=${enc(node)};item=${enc(itemId)}`;
}

/** Escaped character data; characters XML 1.0 cannot carry (§2.2) are dropped. */
function text(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '')
      .replace(/&/gu, '&amp;')
      .replace(/</gu, '&lt;')
      .replace(/>/gu, '&gt;')
  );
}

function attr(value: string): string {
  return text(value).replace(/"/gu, '&quot;');
}
