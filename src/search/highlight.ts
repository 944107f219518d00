/**
 * Marks the words of a text that match a query, as ranges (the page renders them as text
 * spans, never as markup), and cuts a snippet around the first match.
 */
import type { Highlighted } from '../shared/searchQuery';
import { termMatches, type QueryTerm } from './parseSearchText';
import { tokenize } from './tokenize';

/** Only this much of a long text is read to find the first match. */
const SCAN_LIMIT = 20_000;

function matchRanges(
  text: string,
  terms: readonly QueryTerm[],
  field: number,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const span of tokenize(text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text)) {
    if (!terms.some((term) => termMatches(term, span.token, field))) continue;
    const last = ranges[ranges.length - 1];
    // Overlapping or touching ranges (CJK bigrams, dotted words) become one.
    if (last && span.start <= last[1]) last[1] = Math.max(last[1], span.end);
    else ranges.push([span.start, span.end]);
  }
  return ranges;
}

/** Moves an offset off the second half of a surrogate pair. */
function safe(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** `text` (cut to `max` characters) with its matching words marked. */
export function highlightWhole(
  text: string,
  terms: readonly QueryTerm[],
  field: number,
  max = 300,
): Highlighted {
  const cut = text.length > max ? `${text.slice(0, safe(text, max - 1))}…` : text;
  const limit = cut.length;
  const marks = matchRanges(cut, terms, field)
    .filter(([start]) => start < limit)
    .map(([start, end]): [number, number] => [start, Math.min(end, limit)]);
  return { text: cut, marks };
}

/** About `length` characters of `text` around its first match, with the matches marked; the
 * start of the text when nothing matches. */
export function snippet(
  text: string,
  terms: readonly QueryTerm[],
  field: number,
  length = 220,
): Highlighted {
  const all = matchRanges(text, terms, field);
  const first = all[0]?.[0] ?? 0;
  let start = first < length / 3 ? 0 : first - Math.floor(length / 4);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space > first - length / 2 ? space + 1 : safe(text, start);
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.indexOf(' ', end - 20);
    end = space !== -1 && space < end + 20 ? space : safe(text, end);
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  const marks = all
    .filter(([s, e]) => s < end && e > start)
    .map(([s, e]): [number, number] => [Math.max(s, start) + shift, Math.min(e, end) + shift]);
  return { text: prefix + text.slice(start, end) + suffix, marks };
}
