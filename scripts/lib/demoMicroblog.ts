import { xml, type Element } from '@xmpp/xml';
import type { DemoRandom } from './demoRandom';
import {
  COMMENT_TEXTS,
  DEMO_AUTHORS,
  DEMO_CATEGORIES,
  HTML_POSTS,
  NON_LATIN_POSTS,
  TEXT_POSTS,
  type DemoAuthor,
} from './demoText';

// XEP-0277 microblog posts and their comments, for the demo content (see demoContent.ts).
export const MICROBLOG_NODE = 'urn:xmpp:microblog:0';
const NS_ATOM = 'http://www.w3.org/2005/Atom';
const NS_XHTML = 'http://www.w3.org/1999/xhtml';

/** XEP-0277 section 6.1: each post's comments live in a node of their own. */
export const commentsNode = (postId: string): string => `${MICROBLOG_NODE}:comments/${postId}`;

export interface DemoItem {
  id: string;
  payload: Element;
}

export interface MicroblogContext {
  ownerJid: string;
  ownerName: string;
  pubsubService: string;
  microblogPosts: number;
}

/** RFC 3339 without milliseconds, as Atom dates usually are. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** RFC 5122 XMPP URI of a node (and item), as XEP-0277 writes links (percent-encoded). */
function xmppUri(service: string, node: string, item?: string): string {
  const itemPart = item === undefined ? '' : `;item=${encodeURIComponent(item)}`;
  return `xmpp:${service}?;node=${encodeURIComponent(node)}${itemPart}`;
}

function authorElement(author: DemoAuthor): Element {
  return xml('author', {}, xml('name', {}, author.name), xml('uri', {}, `xmpp:${author.jid}`));
}

/** The content element of post `i`: plain text, escaped HTML, XHTML or none (title only). */
function postBody(i: number, random: DemoRandom): { title: string; content?: Element } {
  if (i % 17 === 7) {
    const [title, body] = NON_LATIN_POSTS[Math.floor(i / 17) % NON_LATIN_POSTS.length]!;
    return { title, content: xml('content', { type: 'text' }, body) };
  }
  if (i % 6 === 3) {
    // RFC 4287 3.1.1.2: type="html" carries escaped markup as text.
    const [title, html] = random.pick(HTML_POSTS);
    return { title, content: xml('content', { type: 'html' }, html) };
  }
  const [title, body] = random.pick(TEXT_POSTS);
  if (i % 9 === 4) {
    // RFC 4287 3.1.1.3: the XHTML div is the content's only child.
    const paragraph = xml('p', {}, body, ' ', xml('strong', {}, 'Really.'));
    return {
      title,
      content: xml('content', { type: 'xhtml' }, xml('div', { xmlns: NS_XHTML }, paragraph)),
    };
  }
  // Short status-style posts carry their text in the title only (XEP-0277 section 3).
  if (i % 11 === 5) return { title: body };
  return { title, content: xml('content', { type: 'text' }, body) };
}

/** Post `i` (0 is the oldest) of the demo account's microblog (XEP-0277 section 3). */
export function microblogPost(
  i: number,
  publishedMs: number,
  context: MicroblogContext,
  random: DemoRandom,
): DemoItem {
  const id = `post-${String(i + 1).padStart(3, '0')}`;
  const owner: DemoAuthor = { name: context.ownerName, jid: context.ownerJid };
  const repostOf = i % 8 === 6 ? DEMO_AUTHORS[i % DEMO_AUTHORS.length] : undefined;
  const { title, content } = postBody(i, random);
  const updatedMs = i % 7 === 2 ? publishedMs + random.int(1, 48) * 3_600_000 : publishedMs;
  const domain = context.ownerJid.split('@')[1] ?? 'localhost';
  const entry = xml(
    'entry',
    { xmlns: NS_ATOM },
    xml('id', {}, `tag:${domain},2026:microblog:${id}`),
    xml('title', { type: 'text' }, title),
    xml('published', {}, iso(publishedMs)),
    xml('updated', {}, iso(updatedMs)),
    authorElement(repostOf ?? owner),
    ...random.sample(DEMO_CATEGORIES, random.int(1, 3)).map((term) => xml('category', { term })),
    content,
    xml('link', { rel: 'alternate', href: xmppUri(context.ownerJid, MICROBLOG_NODE, id) }),
  );
  if (repostOf) {
    // XEP-0277 section 7 (repeating a post): the author is the original one, "via" links to it.
    const href = xmppUri(repostOf.jid, MICROBLOG_NODE, `orig-${id}`);
    entry.append(xml('link', { rel: 'via', href }));
  }
  if (i % 5 === 2) {
    const href = xmppUri(context.pubsubService, commentsNode(id));
    entry.append(xml('link', { rel: 'replies', title: 'comments', href }));
  }
  if (i === 30 % context.microblogPosts) {
    const enclosure = {
      rel: 'enclosure',
      type: 'audio/ogg',
      length: '18342211',
      title: 'Episode 12: reading offline',
      href: 'https://media.example/podcast/episode-12.ogg',
    };
    entry.append(xml('link', enclosure));
  }
  return { id, payload: entry };
}

/** XEP-0277 section 6.3: a few comments on one post, none later than `nowMs`. */
export function comments(
  postId: string,
  postMs: number,
  nowMs: number,
  random: DemoRandom,
): DemoItem[] {
  return Array.from({ length: random.int(1, 4) }, (_, n) => {
    const publishedMs = Math.min(nowMs, postMs + (n + 1) * random.int(1, 30) * 3_600_000);
    const payload = xml(
      'entry',
      { xmlns: NS_ATOM },
      authorElement(random.pick(DEMO_AUTHORS)),
      xml('id', {}, `tag:satchel.demo,2026:${postId}:comment-${n + 1}`),
      xml('title', { type: 'text' }, random.pick(COMMENT_TEXTS)),
      xml('published', {}, iso(publishedMs)),
    );
    return { id: `comment-${n + 1}`, payload };
  });
}
