import type { NodeAddress } from '../../shared/protocol';
import { feedKey } from './remoteImages';

/** Where the reader was in a feed: the item at the top of the viewport and how far into it. */
export interface FeedPosition {
  /** Index of the top item in the feed, newest first. */
  index: number;
  /** Its id, to find it again when items were added above it. */
  id?: string;
  /** Pixels scrolled past the top of that item. */
  offset: number;
  /** Index of the item that had keyboard focus (j/k), if any. */
  cursor?: number;
  cursorId?: string;
}

// localStorage (page storage): survives reloads and is per browser profile, like the cache.
const PREFIX = 'satchel.position:';

export function loadFeedPosition(address: NodeAddress): FeedPosition | undefined {
  try {
    const value = JSON.parse(
      localStorage.getItem(PREFIX + feedKey(address)) ?? 'null',
    ) as FeedPosition | null;
    return value && typeof value.index === 'number' && typeof value.offset === 'number'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveFeedPosition(address: NodeAddress, position: FeedPosition): void {
  try {
    localStorage.setItem(PREFIX + feedKey(address), JSON.stringify(position));
  } catch {
    // Full or disabled storage: the position is simply not remembered.
  }
}
