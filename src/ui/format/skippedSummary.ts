import { plural } from './count';

/** "2 items could not be stored": a node's skipped items (NodeRecord.skipped, issue 15) in
 * words, the same on the feed and on Manage. */
export function skippedSummary(count: number): string {
  return `${plural(count, 'item')} could not be stored`;
}
