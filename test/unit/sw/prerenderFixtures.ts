import { xml, type Element } from '@xmpp/xml';
import { parseMicroblogItem } from '../../../src/analysers/microblog/parseMicroblogItem';
import type { ItemView } from '../../../src/shared/protocol';

export const ADDRESS = { service: 'juliet@capulet.lit', node: 'urn:xmpp:microblog:0' };

/** Hostile strings: markup, attribute breakers, references, replacement patterns. */
export const HOSTILE = {
  title: "<script>alert(1)</script> & \"quoted\" 'single' $& $'",
  author: '"><img src=x onerror=alert(1)>',
  tag: '</span><b onmouseover="x">',
  id: 'id"><svg onload=alert(1)>&amp;',
  html: '<p>Hi &amp; <img src=x onerror=alert(1)>bye</p><script>evil()</script>',
};

export interface PostOptions {
  id: string;
  title?: string;
  author?: string;
  published?: string;
  categories?: string[];
  content?: Element;
  comments?: boolean;
  enclosures?: number;
  read?: boolean;
}

/** An item as the worker stores it: the real XEP-0277 parser's output for an Atom entry. */
export function post(options: PostOptions): ItemView {
  const entry = xml(
    'entry',
    { xmlns: 'http://www.w3.org/2005/Atom' },
    xml('id', {}, `tag:test,2026:${options.id}`),
    options.title === undefined ? null : xml('title', {}, options.title),
    xml('published', {}, options.published ?? '2026-03-01T10:00:00Z'),
    xml('author', {}, xml('name', {}, options.author ?? 'Juliet')),
    ...(options.categories ?? []).map((term) => xml('category', { term })),
    options.content ?? null,
    options.comments
      ? xml('link', {
          rel: 'replies',
          title: 'comments',
          href: `xmpp:${ADDRESS.service}?;node=urn:xmpp:microblog:0:comments/${options.id}`,
        })
      : null,
    ...Array.from({ length: options.enclosures ?? 0 }, (_, n) =>
      xml('link', { rel: 'enclosure', href: `https://example.org/${n}.png`, type: 'image/png' }),
    ),
  );
  const item = xml('item', { id: options.id }, entry);
  const outcome = parseMicroblogItem(item, ADDRESS);
  return {
    id: options.id,
    xml: item.toString(),
    parsed: outcome.parsed,
    ...(outcome.created !== undefined && { created: outcome.created }),
    read: options.read ?? true,
  };
}
