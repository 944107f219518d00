/**
 * FROZEN: a copy of src/search/markupText.ts as schema v3's upgrade runs it (v3SearchIndex.ts).
 * docs/schema-versions.md: a migration must do forever what it does today, so a later change to
 * the live tokenizer must not change what this upgrade writes. Never edit; a new tokenizing is a
 * new schema version that re-indexes.
 *
 * The text of XML or HTML markup without a parser: tags dropped, character references decoded.
 * Cheap enough to run on every item written, and it never throws (the worker has no DOM, and
 * a stored payload may be anything). Block boundaries become spaces so words do not fuse.
 */

/** A tag, comment or processing instruction; quoted attribute values may hold '>'. */
const TAG =
  /<(?:!--[\s\S]*?-->|\?[\s\S]*?\?>|![A-Z][^>]*>|\/?[A-Za-z_][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)/gu;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/gu;
const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gu;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function codePoint(value: number): string {
  return value > 0 && value <= 0x10ffff && (value < 0xd800 || value > 0xdfff)
    ? String.fromCodePoint(value)
    : ' ';
}

export function decodeReferences(text: string): string {
  return text.replace(REFERENCE, (_match, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return codePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
    return NAMED[name ?? ''] ?? ' ';
  });
}

/** The character data of markup, whitespace collapsed. Escaped markup inside (Atom
 * type="html" carried as text) is decoded and stripped too when `nested` is set. */
export function markupText(markup: string, nested = false): string {
  const cdata: string[] = [];
  const withoutCdata = markup.replace(CDATA, (_m, inner: string) => {
    cdata.push(inner);
    return ' ';
  });
  let text = decodeReferences(withoutCdata.replace(TAG, ' '));
  if (cdata.length > 0) text += ` ${cdata.join(' ')}`;
  if (nested) text = decodeReferences(text.replace(TAG, ' '));
  return text.replace(/\s+/gu, ' ').trim();
}

const TITLE_ELEMENT = /<(?:[\w-]+:)?(title|name|subject)\b[^>]*>([^<]{1,500})<\//u;

/** The text of a child such as <title>, <name> or <subject>, for payloads no analyser reads. */
export function markupTitle(xml: string): string | undefined {
  const match = TITLE_ELEMENT.exec(xml);
  return match?.[2] === undefined ? undefined : decodeReferences(match[2]).trim() || undefined;
}
