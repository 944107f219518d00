import type { ItemView, ItemsPage, NodeView } from '../../../shared/protocol';

export const PAGE_SIZE = 20;

/**
 * What the feed shows: a snapshot of the node taken when it was opened (or refreshed by the
 * user). Items are placed by their index in that snapshot, newest first; posts that arrive
 * later are only counted (`newCount`) until the user asks for them, so nothing moves.
 */
export interface FeedSnapshot {
  node: NodeView;
  source: ItemsPage['source'];
  total: number;
  pages: ReadonlyMap<number, readonly ItemView[]>;
  /** Retracted since the snapshot: shown as removed in place rather than closing the gap. */
  removed: ReadonlySet<string>;
  /** Posts stored above the snapshot's first item since it was taken. */
  newCount: number;
  /** The count stopped at what one request could see ("50+"). */
  newCapped: boolean;
}

export function snapshotFromPage(page: ItemsPage): FeedSnapshot {
  return {
    node: page.node,
    source: page.source,
    // A server answer (node not cached) has no paging: what came is all there is to show.
    total: page.source === 'cache' ? (page.total ?? page.items.length) : page.items.length,
    pages: new Map([[0, page.items]]),
    removed: new Set(),
    newCount: 0,
    newCapped: false,
  };
}

export function itemAt(snapshot: FeedSnapshot, index: number): ItemView | undefined {
  return snapshot.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

export function loadedIds(snapshot: FeedSnapshot): Set<string> {
  const ids = new Set<string>();
  for (const items of snapshot.pages.values()) for (const item of items) ids.add(item.id);
  return ids;
}

export function withPage(
  snapshot: FeedSnapshot,
  page: number,
  items: readonly ItemView[],
): FeedSnapshot {
  const pages = new Map(snapshot.pages);
  pages.set(page, items);
  return { ...snapshot, pages };
}

/** Replaces loaded items by their new version (an edit, a read mark), in place. */
export function withItems(snapshot: FeedSnapshot, updated: readonly ItemView[]): FeedSnapshot {
  const byId = new Map(updated.map((item) => [item.id, item]));
  const pages = new Map<number, readonly ItemView[]>();
  for (const [n, items] of snapshot.pages)
    pages.set(
      n,
      items.map((item) => byId.get(item.id) ?? item),
    );
  return { ...snapshot, pages };
}

export function withRead(snapshot: FeedSnapshot, ids: readonly string[]): FeedSnapshot {
  const set = new Set(ids);
  const read: ItemView[] = [];
  for (const items of snapshot.pages.values())
    for (const item of items) if (set.has(item.id)) read.push({ ...item, read: true });
  return withItems(snapshot, read);
}

/** Pages covering indexes first..last that are neither loaded nor being loaded. */
export function missingPages(
  snapshot: FeedSnapshot,
  first: number,
  last: number,
  loading: ReadonlySet<number>,
): number[] {
  const pages: number[] = [];
  for (let p = Math.max(0, Math.floor(first / PAGE_SIZE)); p <= Math.floor(last / PAGE_SIZE); p++)
    if (p * PAGE_SIZE < snapshot.total && !snapshot.pages.has(p) && !loading.has(p)) pages.push(p);
  return pages;
}
