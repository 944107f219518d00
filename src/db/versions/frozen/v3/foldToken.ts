/**
 * FROZEN: a copy of src/search/foldToken.ts as schema v3's upgrade runs it (v3SearchIndex.ts).
 * docs/schema-versions.md: a migration must do forever what it does today, so a later change to
 * the live tokenizer must not change what this upgrade writes. Never edit; a new tokenizing is a
 * new schema version that re-indexes.
 *
 * Folding makes a word match however it was cased or accented: lower case, compatibility
 * decomposition (NFKD turns ligatures and full-width forms into plain letters), combining
 * marks removed, then recomposed (NFC) so scripts that compose without marks (Hangul) stay
 * whole. The index and the query both fold with this one function, so they always agree.
 */

/** Nonspacing marks: accents and diacritics (é → e, ü → u, Arabic harakat). Spacing marks
 * (Devanagari vowel signs) carry the word itself and are kept, and so are the kana voicing
 * marks (が is not か). */
const NONSPACING_MARKS = /(?![\u3099\u309A])\p{Mn}/gu;
/** Emoji modifiers and presentation selectors: 👍🏽 and 👍 are the same search word. */
const EMOJI_VARIATION = /\p{Emoji_Modifier}|\uFE0E|\uFE0F/gu;
const SPECIAL_CASES: Record<string, string> = { ß: 'ss', ς: 'σ', ı: 'i', '’': "'", ʼ: "'" };
const SPECIAL = /[ßςıʼ’]/gu;

/** ASCII folds to its lower case: NFKD and NFC leave it alone, it has no marks or specials. */
const ASCII = /^[ -~]*$/u; // printable ASCII: what words are made of

export function foldToken(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(NONSPACING_MARKS, '')
    .toLowerCase()
    .replace(EMOJI_VARIATION, '')
    .replace(SPECIAL, (c) => SPECIAL_CASES[c] ?? c)
    .normalize('NFC');
}
