import type { SchemaVersion } from './SchemaVersion';

/**
 * Version 7: each synced node's item listing as the server gave it when the node last
 * converged (newest first, XEP-0060 §5.5 disco#items). A catch-up compares the listing of now
 * with it: an item published again under its id (an edit) moves to the top, so edits made
 * while away are found without downloading the node again (issue 14, src/cache/planCatchUp.ts).
 * A table of its own: a 10,000-id listing would otherwise be rewritten with every node patch.
 * No rows to migrate: a node without a listing refreshes its newest items, then has one.
 */
export const v7NodeListings: SchemaVersion = {
  version: 7,
  name: 'nodeListings',
  stores: {
    nodeListings: '[account+service+node]',
  },
};
