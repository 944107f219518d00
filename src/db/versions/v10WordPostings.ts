import type { SchemaVersion } from './SchemaVersion';

/** A search doc as version 9 stored it (the parts this upgrade reads). */
interface DocV9 {
  node: number;
  item: string;
  terms: string[];
  batch?: number;
}

/** v10's `postings` row (src/db/SatchelDb.ts PostingRow), written out: this file is frozen. */
interface PostingRowV10 {
  node: number;
  group: string;
  batch: number;
  first: string;
  codes: string[];
  items: string[];
}

const PAGE = 500;
/** A word entry ends with 9 characters of time (v3's format). */
const TIME_LENGTH = 9;

/**
 * Version 10: the word index becomes postings (issue 16). v4's `*terms` index held one
 * IndexedDB entry per distinct word of each doc, about 130 a post: most of a post's write cost,
 * and in a 101,000-post cache a 10,000-post follow was searchable only after 12x its fetch
 * time. A `postings` row holds the docs of one node having one word in one field set that one
 * write stored (its batch), so a batch of 200 posts writes one row per distinct (word, fields)
 * instead of an entry per post and word. `[group+first]` reads a word's rows newest first; a
 * walk merges them into v4's order (src/db/search/readPostings.ts). Docs keep `terms` (search
 * checks them) and record their batch, so an edit or a deletion rewrites only its rows.
 * The upgrade moves every doc's entries, page by page (a page is a batch); queued docs have none.
 */
export const v10WordPostings: SchemaVersion = {
  version: 10,
  name: 'wordPostings',
  stores: {
    searchDocs: [
      '[node+item]',
      // Removed: *terms (now the postings).
      '*facets',
      '[node+created]',
      '[node+updated]',
      '[account+created]',
      '[account+updated]',
      '[account+pinned]',
      '[account+queued]',
    ].join(', '),
    postings: '[node+group+batch], [group+first]',
  },
  upgrade: async (tx) => {
    const docs = tx.table<DocV9>('searchDocs');
    let batch = 0;
    let after: unknown[] | undefined;
    for (;;) {
      const page = await (
        after === undefined ? docs.orderBy(':id') : docs.where(':id').above(after)
      )
        .limit(PAGE)
        .toArray();
      if (page.length === 0) break;
      batch += 1;
      const rows = new Map<string, Array<[code: string, item: string]>>();
      const indexed: DocV9[] = [];
      for (const doc of page) {
        if (doc.terms.length === 0) continue;
        indexed.push({ ...doc, batch });
        for (const term of doc.terms) {
          const id = `${doc.node}\u0000${term.slice(0, -TIME_LENGTH)}`;
          const entries = rows.get(id) ?? [];
          entries.push([term.slice(-TIME_LENGTH), doc.item]);
          rows.set(id, entries);
        }
      }
      const postings: PostingRowV10[] = [...rows].map(([id, entries]) => {
        entries.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
        const at = id.indexOf('\u0000');
        return {
          node: Number(id.slice(0, at)),
          group: id.slice(at + 1),
          batch,
          first: entries[0]?.[0] ?? '',
          codes: entries.map(([code]) => code),
          items: entries.map(([, item]) => item),
        };
      });
      await tx.table('postings').bulkAdd(postings);
      await docs.bulkPut(indexed);
      const tail = page[page.length - 1];
      if (!tail || page.length < PAGE) break;
      after = [tail.node, tail.item];
    }
    // The next batch number, in a row of its own: node 0 is no node's number, and the row has no
    // `first`, so no word range reads it.
    await tx.table('postings').put({ node: 0, group: '', batch: 0, next: batch + 1 });
  },
};
