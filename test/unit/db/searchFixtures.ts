/** Items for the search tests: XEP-0277-like parsed entries, raw ones, and a few oddities. */
import type { FacetValue, NewItem } from '../../../src/shared/records';

export interface PostOptions {
  title?: string;
  body?: string;
  summary?: string;
  tags?: string[];
  author?: string;
  created?: number;
  updated?: number;
  publisher?: string;
  fields?: Array<[string, FacetValue]>;
}

const escape = (text: string): string =>
  text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A parsed Atom entry as the microblog analyser stores it (the fields search reads). */
export function post(itemId: string, o: PostOptions = {}): NewItem {
  const text = (value: string | undefined) =>
    value === undefined ? undefined : { type: 'text', value, text: value };
  const tags = o.tags ?? [];
  const item: NewItem = {
    itemId,
    xml: `<item id="${escape(itemId)}"><entry xmlns="http://www.w3.org/2005/Atom"><title>${escape(o.title ?? '')}</title><content>${escape(o.body ?? '')}</content></entry></item>`,
    parsed: {
      kind: 'entry',
      title: text(o.title),
      summary: text(o.summary),
      content: text(o.body),
      titles: [],
      summaries: [],
      contents: [],
      authors: o.author === undefined ? [] : [{ name: o.author }],
      contributors: [],
      categories: tags.map((term) => ({ term })),
      links: [],
      comments: [],
      enclosures: [],
      inReplyTo: [],
      extensions: [],
    },
    fields: [...tags.map((t): [string, FacetValue] => ['category', t]), ...(o.fields ?? [])],
  };
  if (o.created !== undefined) item.created = o.created;
  if (o.updated !== undefined) item.updated = o.updated;
  if (o.publisher !== undefined) item.publisher = o.publisher;
  return item;
}

/** An item no analyser parsed: only its XML. */
export function rawItem(itemId: string, payload: string, created?: number): NewItem {
  const item: NewItem = { itemId, xml: `<item id="${escape(itemId)}">${payload}</item>` };
  if (created !== undefined) item.created = created;
  return item;
}
