import type { SchemaVersion } from './SchemaVersion';

/** Items as version 3 stored them: the search entries on the row, in v3's format. */
interface ItemRowV3 {
  account: string;
  service: string;
  node: string;
  itemId: string;
  created: number;
  updated: number;
  pinned: 0 | 1;
  publisher?: string;
  fields: Array<[string, string | number]>;
  searchTerms?: string[];
  facetKeys?: Array<[string, string, string, string, string | number, number]>;
}

type NodeKeyV3 = [account: string, service: string, node: string];
const PAGE = 500;

/**
 * Version 4: the search index moves off the items into a table of its own (docs/search.md).
 * IndexedDB repeats an entry's primary key in every index entry, and items have a long one
 * (four strings): with a hundred words an item, v3's word index grew several times the data
 * and writes slowed as the cache grew (31 ms an item at 20,000 items in Chromium here, against
 * 5 ms and flat with this table). `searchDocs` rows are keyed [node number, item id]: short,
 * and an item's key maps to its doc without reading anything, so deleting items deletes their
 * docs in the same transaction (searchDocsSync.ts). The words keep v3's format: this upgrade
 * moves them, it does not tokenize again.
 */
export const v4SearchDocs: SchemaVersion = {
  version: 4,
  name: 'searchDocs',
  stores: {
    items: [
      '[account+service+node+itemId]',
      '[account+service+node+created]',
      '[account+service+node+updated]',
      '[account+service+node+seq]',
      '[account+publisher]',
      '*fieldKeys',
      '[account+service+node+read]',
      // Kept from v3: purges older than a date of an account; the pinned items of a node.
      '[account+created]',
      '[account+pinned+service+node]',
      // Removed: *searchTerms, *facetKeys, [account+updated] (now on searchDocs).
    ].join(', '),
    // A small number per node, so doc keys are short (searchDocs' first key part).
    searchNodes: '[account+service+node], &num',
    searchDocs: [
      // One doc per item: [node number, item id].
      '[node+item]',
      // searchItems: a word's docs best-first (`tag\0word\0rank`, v3's format), a prefix range.
      '*terms',
      // Parsed-field filters newest first: [node number, field, value, created].
      '*facets',
      // Time order in one node, and across an account's nodes.
      '[node+created]',
      '[node+updated]',
      '[account+created]',
      '[account+updated]',
      // "Pinned only".
      '[account+pinned]',
    ].join(', '),
  },
  upgrade: async (tx) => {
    const items = tx.table<ItemRowV3>('items');
    const numbers = new Map<string, number>();
    let last = 0; // no node has a number before this version
    let after: unknown[] | undefined;
    for (;;) {
      const page = await (
        after === undefined ? items.orderBy(':id') : items.where(':id').above(after)
      )
        .limit(PAGE)
        .toArray();
      if (page.length === 0) break;
      const docs = page.map((row) => {
        const id = JSON.stringify([row.account, row.service, row.node]);
        let num = numbers.get(id);
        if (num === undefined) {
          last += 1;
          num = last;
          numbers.set(id, num);
        }
        const doc: Record<string, unknown> = {
          node: num,
          item: row.itemId,
          account: row.account,
          created: row.created,
          updated: row.updated,
          pinned: row.pinned,
          fields: row.fields,
          terms: row.searchTerms ?? [],
          facets: (row.facetKeys ?? []).map(([, , , field, value, created]) => [
            num,
            field,
            value,
            created,
          ]),
        };
        if (row.publisher !== undefined) doc.publisher = row.publisher;
        delete row.searchTerms;
        delete row.facetKeys;
        return doc;
      });
      await tx.table('searchDocs').bulkPut(docs);
      await items.bulkPut(page);
      const tail = page[page.length - 1];
      if (!tail || page.length < PAGE) break;
      after = [tail.account, tail.service, tail.node, tail.itemId];
    }
    await tx.table('searchNodes').bulkPut(
      [...numbers].map(([id, num]) => {
        const [account, service, node] = JSON.parse(id) as NodeKeyV3;
        return { account, service, node, num };
      }),
    );
  },
};
