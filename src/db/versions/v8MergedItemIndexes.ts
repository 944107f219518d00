import type { SchemaVersion } from './SchemaVersion';

/**
 * Version 8: the items keep only the indexes their own queries use; two that repeated what the
 * search docs index are merged into the docs' (issue 16: fewer IndexedDB entries per post).
 *
 * - `*fieldKeys` (one entry per distinct parsed field value, about five a post): conditions of
 *   `pubsub.getItems` read the docs' `*facets` `[node number, field, value, created]` instead,
 *   the index search already reads for the same conditions (src/db/query/fieldConditions.ts).
 * - `[account+pinned+service+node]`: retention, purges and node stats read the docs'
 *   `[account+pinned]` (pins are kept on both in one transaction, createMaintenanceStore.ts).
 *
 * Every other items index stays: the node's key, created, updated and seq orders (queryItems,
 * retention), the unread index (counts, mark read), `[account+publisher]` (listByPublisher) and
 * `[account+created]` (purging an account's posts older than a date). No row changes: Dexie
 * deletes the two indexes; a row's old `fieldKeys` property is left until the row is written
 * again (reading strips it), rather than rewriting every row of a large cache in the upgrade.
 */
export const v8MergedItemIndexes: SchemaVersion = {
  version: 8,
  name: 'mergedItemIndexes',
  stores: {
    items: [
      '[account+service+node+itemId]',
      '[account+service+node+created]',
      '[account+service+node+updated]',
      '[account+service+node+seq]',
      '[account+publisher]',
      '[account+service+node+read]',
      '[account+created]',
      // Removed: *fieldKeys (now the docs' *facets), [account+pinned+service+node] (the docs'
      // [account+pinned]).
    ].join(', '),
  },
};
