import { xml, type Element } from '@xmpp/xml';

/** A minimal XEP-0277 Atom entry for tests. */
export function atomEntry(
  id: string,
  options: {
    title?: string;
    published?: Date;
    categories?: string[];
    author?: string;
    content?: string;
  } = {},
): Element {
  const published = (
    options.published ??
    new Date(Date.UTC(2026, 0, 1) + Number(id.replace(/\D/gu, '') || 0) * 60_000)
  ).toISOString();
  return xml(
    'entry',
    { xmlns: 'http://www.w3.org/2005/Atom' },
    xml('id', {}, `tag:test,2026:${id}`),
    xml('title', {}, options.title ?? `Post ${id}`),
    xml('published', {}, published),
    xml('updated', {}, published),
    xml(
      'author',
      {},
      xml('name', {}, options.author ?? 'Tester'),
      xml('uri', {}, `xmpp:${options.author ?? 'tester'}@localhost`),
    ),
    xml('content', { type: 'text' }, options.content ?? `Body of ${id}`),
    ...(options.categories ?? []).map((term) => xml('category', { term })),
  );
}
