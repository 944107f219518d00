import type { ItemView } from '../../../shared/protocol';
import { type FeedSnapshot, loadedIds } from './feedSnapshot';

/** How many of the newest items are compared with the snapshot to count new posts. */
export const NEW_WINDOW = 50;

/**
 * New posts: among the node's newest items, those the snapshot does not show and that are not
 * older than its first item. At most NEW_WINDOW are seen ("50+").
 */
export function countNewPosts(
  snapshot: FeedSnapshot,
  newest: readonly ItemView[],
): { newCount: number; newCapped: boolean } {
  const top = snapshot.pages.get(0)?.[0];
  const loaded = loadedIds(snapshot);
  const topTime = top?.created ?? 0;
  const fresh = newest.filter((item) => !loaded.has(item.id) && (item.created ?? 0) >= topTime);
  return { newCount: fresh.length, newCapped: fresh.length >= NEW_WINDOW };
}
