import type { SchemaVersion } from './SchemaVersion';

/**
 * Version 6: a queue for the word index. A sync's batches store their items and docs at once
 * but write each doc without its words, marked `queued: 1`; the word indexer
 * (src/db/indexQueuedWords.ts) writes them from the item rows once no sync runs. The
 * `*terms` entries, about 130 a post, were the whole gap between a sync and a fetch that
 * stores nothing (issue 8 §1: 47.4 s against 26.9 s for 10,000 posts, 28.6 s without them).
 * `[account+queued]` lists the queue; a doc without `queued` has no entry in it. No row
 * changes: every doc written so far has its words indexed.
 */
export const v6WordIndexQueue: SchemaVersion = {
  version: 6,
  name: 'wordIndexQueue',
  stores: {
    searchDocs: [
      '[node+item]',
      '*terms',
      '*facets',
      '[node+created]',
      '[node+updated]',
      '[account+created]',
      '[account+updated]',
      '[account+pinned]',
      // New: the docs whose words wait for the indexer.
      '[account+queued]',
    ].join(', '),
  },
};
