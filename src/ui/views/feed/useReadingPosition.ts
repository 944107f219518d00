import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { useRpc } from '../../rpcContext';
import { loadFeedPosition, saveFeedPosition } from '../../storage/feedPosition';
import { scrollToRow } from './feedGeometry';
import { type FeedSnapshot, itemAt } from './feedSnapshot';

interface Options {
  address: NodeAddress;
  list: RefObject<HTMLElement | null>;
  /** The row at the top of the viewport, as the virtual window last measured it. */
  top: RefObject<{ index: number; offset: number } | undefined>;
  snapshot: FeedSnapshot | undefined;
  rowHeight: number;
  cursor: number | undefined;
  /** Called once the saved position is applied, with the saved keyboard cursor (if any). */
  onRestored: (cursor: number | undefined) => void;
}

/**
 * Remembers where the reader is in each feed (page storage, across reloads and visits) and
 * puts them back there. The saved item is found again by id, so posts that arrived above it
 * in the meantime do not move the reader to another post.
 */
export function useReadingPosition({
  address,
  list,
  top,
  snapshot,
  rowHeight,
  cursor,
  onRestored,
}: Options): void {
  const rpc = useRpc();
  const restored = useRef(false);
  const latest = useRef({ snapshot, cursor });
  latest.current = { snapshot, cursor };
  const { service, node } = address;

  useEffect(() => {
    const el = list.current;
    if (restored.current || !snapshot || !el || rowHeight === 0) return;
    restored.current = true;
    const saved = loadFeedPosition({ service, node });
    if (!saved || snapshot.total === 0) {
      onRestored(undefined);
      return;
    }
    const locate = async (): Promise<number> => {
      if (snapshot.source !== 'cache' || saved.id === undefined) return saved.index;
      if (itemAt(snapshot, saved.index)?.id === saved.id) return saved.index;
      const page = await rpc.call('pubsub.getItems', { service, node, after: saved.id, max: 1 });
      return page.index === undefined ? saved.index : page.index - 1;
    };
    void locate()
      .catch(() => saved.index)
      .then((index) => {
        const clamped = Math.max(0, Math.min(index, snapshot.total - 1));
        scrollToRow(el, rowHeight, clamped, saved.offset);
        const cursorIndex =
          saved.cursor === undefined ? undefined : saved.cursor + (clamped - saved.index);
        onRestored(
          cursorIndex === undefined
            ? undefined
            : Math.max(0, Math.min(cursorIndex, snapshot.total - 1)),
        );
      });
  }, [rpc, service, node, list, snapshot, rowHeight, onRestored]);

  // Saved from what the virtual window measured last frame (no layout read here), so it can be
  // written at unmount too, when the list's DOM is already gone.
  useEffect(() => {
    const save = () => {
      const { snapshot: snap, cursor: cur } = latest.current;
      const at = top.current;
      if (!snap || !at || !restored.current) return;
      const id = itemAt(snap, at.index)?.id;
      const cursorId = cur === undefined ? undefined : itemAt(snap, cur)?.id;
      saveFeedPosition(
        { service, node },
        {
          ...at,
          ...(id && { id }),
          ...(cur !== undefined && { cursor: cur }),
          ...(cursorId && { cursorId }),
        },
      );
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(save, 250);
    };
    addEventListener('scroll', later, { passive: true });
    addEventListener('satchel:position', later);
    addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      save();
      removeEventListener('scroll', later);
      removeEventListener('satchel:position', later);
      removeEventListener('pagehide', save);
    };
  }, [service, node, top]);

  // The cursor moving (j/k) is part of the position too.
  useEffect(() => {
    if (cursor === undefined || !restored.current) return;
    dispatchEvent(new Event('satchel:position'));
  }, [cursor]);
}
