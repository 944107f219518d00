/**
 * The query syntax of the search box (docs in the search view's help):
 *
 *   sourdough bread      items with both words; each word also matches longer ones (bread → breads)
 *   "bread"              this word exactly, no longer ones
 *   -travel              without this word
 *   title:garden         the word in one field: title, summary, content, author, tag
 *
 * A chunk is split into words as the index splits text (tokenize.ts), so "offline-first" needs
 * both words and a CJK phrase needs its character pairs.
 */
import { ALL_FIELDS, FIELD_BITS } from './searchTermKeys';
import { tokenize } from './tokenize';

export interface QueryTerm {
  /** The folded word. */
  word: string;
  /** Longer words starting with it match too. */
  prefix: boolean;
  /** Field bits the word must appear in (FIELD_BITS); ALL_FIELDS for anywhere. */
  fields: number;
}

export interface ParsedSearchText {
  required: QueryTerm[];
  excluded: QueryTerm[];
}

/** More words than this are ignored (each costs an index read). */
export const MAX_QUERY_TERMS = 12;

const FIELD_NAMES: Record<string, number> = {
  title: FIELD_BITS.title,
  summary: FIELD_BITS.summary,
  content: FIELD_BITS.body,
  body: FIELD_BITS.body,
  author: FIELD_BITS.author,
  tag: FIELD_BITS.tags,
  tags: FIELD_BITS.tags,
  category: FIELD_BITS.tags,
};

const CHUNK = /(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))?/giu;

export function parseSearchText(text: string): ParsedSearchText {
  const result: ParsedSearchText = { required: [], excluded: [] };
  const seen = new Set<string>();
  for (const match of text.matchAll(CHUNK)) {
    const [, minus, fieldName, quoted, bare] = match;
    const fields = fieldName === undefined ? undefined : FIELD_NAMES[fieldName.toLowerCase()];
    // An unknown "word:" is text (a URL, a time), not a field.
    const body =
      fields === undefined && fieldName !== undefined
        ? `${fieldName}:${bare ?? quoted ?? ''}`
        : (quoted ?? bare ?? '');
    // A field name still being typed ("title:") is not a word yet.
    if (fields !== undefined && quoted === undefined && bare === undefined) continue;
    const list = minus === '-' ? result.excluded : result.required;
    for (const { token } of tokenize(body, { query: true })) {
      const term: QueryTerm = {
        word: token,
        prefix: quoted === undefined,
        fields: fields ?? ALL_FIELDS,
      };
      const id = `${minus ?? ''}${term.fields}:${term.prefix ? '*' : ''}${term.word}`;
      if (seen.has(id) || seen.size >= MAX_QUERY_TERMS) continue;
      seen.add(id);
      list.push(term);
    }
  }
  return result;
}

/** Whether an indexed word with these fields satisfies the term. */
export function termMatches(term: QueryTerm, word: string, mask: number): boolean {
  if ((mask & term.fields) === 0) return false;
  return term.prefix ? word.startsWith(term.word) : word === term.word;
}
