/**
 * The postings of schema v10, as plain data: which rows a set of docs writes, and what is left
 * of a row once some docs leave it. A row holds the docs of one node having one word in one field
 * set (its group) that one write stored (its batch), sorted as v4's word index sorted them:
 * by the entry's time code, then by item id (the entries' primary key within a node).
 */
import type { PostingKey, PostingRow, SearchDoc } from '../SatchelDb';

/** A word entry (src/search/searchTermKeys.ts) ends with 9 characters of time. */
const TIME_LENGTH = 9;

export const groupOf = (term: string): string => term.slice(0, -TIME_LENGTH);
export const codeOf = (term: string): string => term.slice(-TIME_LENGTH);

/** The row that holds the batch counter (src/db/versions/v10WordPostings.ts): node 0 is none. */
export const COUNTER_KEY: PostingKey = [0, '', 0];

/** IndexedDB's order of strings (UTF-16 code units), as `<` compares them. */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const rowId = (key: PostingKey): string => JSON.stringify(key);

/** The rows `docs` write; each doc must carry the batch it is written in. */
export function rowsOfDocs(docs: readonly SearchDoc[]): PostingRow[] {
  const rows = new Map<string, { key: PostingKey; entries: Array<[string, string]> }>();
  for (const doc of docs) {
    if (doc.batch === undefined) continue;
    for (const term of doc.terms) {
      const key: PostingKey = [doc.node, groupOf(term), doc.batch];
      const id = rowId(key);
      let row = rows.get(id);
      if (!row) {
        row = { key, entries: [] };
        rows.set(id, row);
      }
      row.entries.push([codeOf(term), doc.item]);
    }
  }
  return [...rows.values()].map(({ key: [node, group, batch], entries }) => {
    entries.sort(([a, x], [b, y]) => byString(a, b) || byString(x, y));
    return {
      node,
      group,
      batch,
      first: entries[0]?.[0] ?? '',
      codes: entries.map(([code]) => code),
      items: entries.map(([, item]) => item),
    };
  });
}

/** The keys of the rows holding `doc`'s entries (none when it has no batch). */
export function rowKeysOfDoc(doc: SearchDoc): PostingKey[] {
  const { batch } = doc;
  if (batch === undefined) return [];
  return [...new Set(doc.terms.map(groupOf))].map((group): PostingKey => [doc.node, group, batch]);
}

/** The row without the entries of `items`; undefined when none is left. */
export function withoutItems(row: PostingRow, items: ReadonlySet<string>): PostingRow | undefined {
  const codes: string[] = [];
  const kept: string[] = [];
  row.items.forEach((item, i) => {
    if (items.has(item)) return;
    kept.push(item);
    codes.push(row.codes[i] ?? '');
  });
  if (kept.length === 0) return undefined;
  return { ...row, first: codes[0] ?? '', codes, items: kept };
}
