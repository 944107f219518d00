/**
 * FROZEN: a copy of src/search/itemSearchText.ts as schema v3's upgrade runs it (v3SearchIndex.ts).
 * docs/schema-versions.md: a migration must do forever what it does today, so a later change to
 * the live tokenizer must not change what this upgrade writes. Never edit; a new tokenizing is a
 * new schema version that re-indexes.
 *
 * What of an item is searchable, by field: the parsed text where an analyser read the item
 * (XEP-0277 / RFC 4287 title, summary, content, authors, categories), and otherwise the raw
 * XML's character data, so items without parsed data (no parser, or it failed) are found too.
 */
import { markupText, markupTitle } from './markupText';

export interface SearchableText {
  title: string;
  summary: string;
  body: string;
  author: string;
  tags: string;
}

/** Text beyond this many characters per field is not indexed (a hostile item stays cheap). */
export const MAX_FIELD_TEXT = 50_000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** RFC 4287 §3.1 text construct (or §4.1.3 content) as the parser stores it: AtomText. */
function atomText(value: unknown): string {
  if (!isObject(value)) return '';
  if (typeof value.text === 'string') return value.text;
  const raw = str(value.value);
  if (value.type === 'text') return raw;
  if (value.type === 'html') return markupText(raw, true);
  if (value.type === 'xhtml') return markupText(raw);
  // §4.1.3.3 other: XML or text media types are text; base64 is not.
  return value.encoding === 'base64' ? '' : markupText(raw);
}

function people(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((p) => [str(p.name), str(p.jid), str(p.email)]);
}

function isAtomEntry(parsed: unknown): parsed is Json {
  return (
    isObject(parsed) &&
    (parsed.kind === 'entry' || parsed.kind === 'feed') &&
    Array.isArray(parsed.authors)
  );
}

function atomEntryText(entry: Json, publisher: string | undefined): SearchableText {
  const categories = Array.isArray(entry.categories) ? entry.categories.filter(isObject) : [];
  return {
    title: atomText(entry.title),
    summary: atomText(entry.summary),
    body: atomText(entry.content),
    author: [...people(entry.authors), ...people(entry.contributors), publisher ?? '']
      .filter((s) => s !== '')
      .join(' '),
    tags: categories
      .flatMap((c) => [str(c.term), str(c.label)])
      .filter((s) => s !== '')
      .join(' '),
  };
}

/** Every string in JSON-like parsed data of an analyser this module does not know. */
function strings(value: unknown, out: string[], depth = 0): void {
  if (depth > 8 || out.length > 2_000) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out, depth + 1);
  else if (isObject(value)) for (const v of Object.values(value)) strings(v, out, depth + 1);
}

const clip = (text: string): string =>
  text.length > MAX_FIELD_TEXT ? text.slice(0, MAX_FIELD_TEXT) : text;

export function itemSearchText(item: {
  xml: string;
  parsed?: unknown;
  publisher?: string;
}): SearchableText {
  let text: SearchableText;
  if (isAtomEntry(item.parsed)) {
    text = atomEntryText(item.parsed, item.publisher);
  } else {
    const parsedStrings: string[] = [];
    strings(item.parsed, parsedStrings);
    const body = parsedStrings.join(' ').trim();
    text = {
      title: item.parsed === undefined || item.parsed === null ? (markupTitle(item.xml) ?? '') : '',
      summary: '',
      // Without parsed text the raw XML's character data stands in (issue 7).
      body: body === '' ? markupText(item.xml.slice(0, MAX_FIELD_TEXT * 2)) : body,
      author: item.publisher ?? '',
      tags: '',
    };
  }
  return {
    title: clip(text.title),
    summary: clip(text.summary),
    body: clip(text.body),
    author: clip(text.author),
    tags: clip(text.tags),
  };
}
