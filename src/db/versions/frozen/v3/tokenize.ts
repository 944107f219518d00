/**
 * FROZEN: a copy of src/search/tokenize.ts as schema v3's upgrade runs it (v3SearchIndex.ts).
 * docs/schema-versions.md: a migration must do forever what it does today, so a later change to
 * the live tokenizer must not change what this upgrade writes. Never edit; a new tokenizing is a
 * new schema version that re-indexes.
 *
 * Unicode-aware word splitting for the search index and for queries (they must split alike).
 *
 * - Words come from Intl.Segmenter (UAX #29 word boundaries, dictionaries for Thai and the
 *   like) where the runtime has it, else from a letters-and-digits regex.
 * - Han, Hiragana and Katakana are written without spaces and a dictionary splits the same
 *   text differently in different contexts, so those runs become overlapping character
 *   bigrams (離線閱讀 → 離線 線閱 閱讀, plus the last character alone). A query is split the
 *   same way, so any substring of two or more characters is found, and with prefix matching
 *   any single character too.
 * - Emoji and flags are words of their own (👍🏽 folds to 👍).
 * - Dotted words (capulet.example, v1.2) also give their parts, so "example" finds them.
 *
 * Each token keeps its position in the original text, for highlighting.
 */
import { foldToken } from './foldToken';

export interface TokenSpan {
  /** The folded word, as indexed and matched. */
  token: string;
  /** UTF-16 offsets of the word in the original text. */
  start: number;
  end: number;
}

/** Longer words are cut to this many code points (a query is cut alike, then prefix-matched). */
export const MAX_TOKEN_LENGTH = 48;

const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]+/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
/** The fallback's idea of a word: letters, digits and marks, joined by ' or . inside. */
const FALLBACK_WORD = /[\p{L}\p{N}\p{M}]+(?:['’.][\p{L}\p{N}\p{M}]+)*/gu;
const FALLBACK_EMOJI = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})+/gu;

type Segment = { segment: string; index: number; isWordLike?: boolean };
let segmenter: { segment(text: string): Iterable<Segment> } | null | undefined;

/** Printable ASCII and ASCII white space: UAX #29 never joins two words across white space
 * there (WB3a–WB3d; no Extend, Format or ZWJ in ASCII), so each chunk splits on its own. */
const ASCII_TEXT = /^[\t\n\v\f\r\x20-\x7e]*$/u;
const CHUNK = /\S+/gu;
/** A chunk whose one word is a run of letters or of digits between punctuation that UAX #29
 * never joins to it here: Other, quotes, and mid-word marks (' . , ; :) with no letter or digit
 * on their far side (WB6, WB7, WB11, WB12). Not `_` (ExtendNumLet joins, WB13a/b) nor `-@#…`. */
const SIMPLE_CHUNK = /^[([{<"'`]*([A-Za-z]+|[0-9]+)[)\]}>"'`.,;:!?]*$/u;

function wordSegmenter() {
  if (segmenter === undefined) {
    // Intl.Segmenter: Chromium 87, Safari 14.1, Firefox 125; absent elsewhere.
    segmenter = 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  }
  return segmenter;
}

function cut(token: string): string {
  if (token.length <= MAX_TOKEN_LENGTH) return token;
  return Array.from(token).slice(0, MAX_TOKEN_LENGTH).join('');
}

function pushWord(out: TokenSpan[], word: string, start: number): void {
  const token = cut(foldToken(word));
  if (token === '') return;
  out.push({ token, start, end: start + word.length });
  if (!word.includes('.')) return;
  let at = 0;
  for (const part of word.split('.')) {
    if (part.length >= 2 && part.length < word.length) {
      out.push({ token: cut(foldToken(part)), start: start + at, end: start + at + part.length });
    }
    at += part.length + 1;
  }
}

function segmentWith(
  platform: NonNullable<typeof segmenter>,
  out: TokenSpan[],
  text: string,
  offset: number,
): void {
  for (const { segment, index, isWordLike } of platform.segment(text)) {
    if (isWordLike === true || EMOJI.test(segment)) pushWord(out, segment, offset + index);
  }
}

/**
 * ASCII text, chunk by chunk: a simple chunk's word is found by a regular expression, the
 * others go to the segmenter. Same tokens as segmenting the whole text (test/unit/search),
 * about 4 times faster: the segmenter was most of the cost of indexing a post (issue 8 §1).
 */
function segmentAscii(
  platform: NonNullable<typeof segmenter>,
  out: TokenSpan[],
  text: string,
  offset: number,
): void {
  for (const chunk of text.matchAll(CHUNK)) {
    const simple = SIMPLE_CHUNK.exec(chunk[0]);
    const at = offset + chunk.index;
    const word = simple?.[1];
    if (word === undefined) segmentWith(platform, out, chunk[0], at);
    else pushWord(out, word, at + chunk[0].indexOf(word));
  }
}

function segmentWords(out: TokenSpan[], text: string, offset: number): void {
  const platform = wordSegmenter();
  if (platform) {
    if (ASCII_TEXT.test(text)) segmentAscii(platform, out, text, offset);
    else segmentWith(platform, out, text, offset);
    return;
  }
  const found: TokenSpan[] = [];
  for (const match of text.matchAll(FALLBACK_WORD)) pushWord(found, match[0], offset + match.index);
  for (const match of text.matchAll(FALLBACK_EMOJI)) {
    // One token per pictograph: without a segmenter the sequences cannot be told apart.
    let at = match.index;
    for (const char of match[0]) {
      pushWord(found, char, offset + at);
      at += char.length;
    }
  }
  out.push(...found.sort((a, b) => a.start - b.start));
}

function cjkBigrams(out: TokenSpan[], run: string, offset: number, query: boolean): void {
  const chars: Array<{ char: string; start: number }> = [];
  let at = offset;
  for (const char of run) {
    chars.push({ char, start: at });
    at += char.length;
  }
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const a = chars[i];
    const b = chars[i + 1];
    if (a && b)
      out.push({ token: foldToken(a.char + b.char), start: a.start, end: b.start + b.char.length });
  }
  const last = chars[chars.length - 1];
  // The last character alone lets a one-character query find it; in a longer query its pair
  // already implies it.
  if (last && (!query || chars.length === 1))
    out.push({
      token: foldToken(last.char),
      start: last.start,
      end: last.start + last.char.length,
    });
}

/** The words of `text` in order, folded, with their offsets. A query (`query`) leaves out
 * what its other words imply. */
export function tokenize(text: string, { query = false } = {}): TokenSpan[] {
  const out: TokenSpan[] = [];
  let done = 0;
  for (const match of text.matchAll(CJK_RUN)) {
    if (match.index > done) segmentWords(out, text.slice(done, match.index), done);
    cjkBigrams(out, match[0], match.index, query);
    done = match.index + match[0].length;
  }
  if (done < text.length) segmentWords(out, done === 0 ? text : text.slice(done), done);
  return out;
}
