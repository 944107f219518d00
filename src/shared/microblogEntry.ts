import { FUTURE_TOLERANCE_MS } from './futureTolerance';
import type { AtomPerson, AtomText, MicroblogItem } from './microblogTypes';
import type { ItemView } from './protocol';

/**
 * What a microblog entry says, as plain text, for lists and headings. Shared by the page and
 * the worker (which pre-renders a feed's first rows into the navigation response): both must
 * say the same. HTML is reduced to text by the caller's `toText`, because only the page has a
 * DOM: the page passes its inert-DOM reducer (ui/safety/markupToText.ts), the worker a close
 * approximation (search/markupText.ts, see sw/prerender/renderFeedRows.ts).
 */
export type MarkupToText = (html: string) => string;

/** The parsed microblog entry of an item, when the analyser gave one (a parse may have failed). */
export function asMicroblogItem(item: ItemView): MicroblogItem | undefined {
  const parsed = item.parsed as Partial<MicroblogItem> | null | undefined;
  if (!parsed || typeof parsed !== 'object') return undefined;
  if (parsed.kind !== 'entry' && parsed.kind !== 'feed') return undefined;
  if (!Array.isArray(parsed.authors) || !Array.isArray(parsed.categories)) return undefined;
  return parsed as MicroblogItem;
}

/** A text construct as plain text: markup types are reduced to their text, never rendered. */
export function plainText(text: AtomText | undefined, toText: MarkupToText): string {
  if (!text) return '';
  if (text.type === 'html') return toText(text.value);
  if (text.type === 'xhtml') return (text.text ?? toText(text.value)).replace(/\s+/gu, ' ').trim();
  if (text.type === 'other' && text.encoding === 'base64') return '';
  return text.value.trim();
}

/** XEP-0277 status posts carry their text in the title only: then the title is the body. */
export function titleIsBody(entry: MicroblogItem): boolean {
  return !entry.content && !entry.summary;
}

/** The post's headline: its title, else the start of its text. */
export function entryTitle(entry: MicroblogItem, toText: MarkupToText): string {
  const title = plainText(entry.title, toText);
  if (title) return title;
  const body = plainText(entry.summary ?? entry.content, toText);
  return body ? truncate(body, 90) : 'Untitled post';
}

/** A short excerpt for lists (CSS clamps it to two lines). */
export function entryExcerpt(entry: MicroblogItem, toText: MarkupToText): string {
  if (titleIsBody(entry)) return '';
  return truncate(plainText(entry.summary ?? entry.content, toText), 320);
}

export function personName(person: AtomPerson | undefined): string {
  return person?.name?.trim() || person?.jid || person?.email || person?.uri || 'Unknown author';
}

export function entryAuthor(entry: MicroblogItem, item: ItemView): string {
  return entry.authors.length > 0
    ? entry.authors.map(personName).join(', ')
    : (item.publisher ?? 'Unknown author');
}

/**
 * When the post was published (or first seen), epoch ms. A claimed date more than a day after
 * the time the cache keeps was not believed when the post was stored (cache/toNewItem.ts keeps
 * its first-seen time instead), so it is not shown either.
 */
export function entryTime(entry: MicroblogItem | undefined, item: ItemView): number | undefined {
  const claimed = entry?.published?.ms ?? entry?.updated?.ms;
  if (claimed === undefined) return item.created;
  return item.created !== undefined && claimed > item.created + FUTURE_TOLERANCE_MS
    ? item.created
    : claimed;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
