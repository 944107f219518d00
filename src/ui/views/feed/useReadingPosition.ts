import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { useRpc } from '../../rpcContext';
import { type FeedPosition, loadFeedPosition, saveFeedPosition } from '../../storage/feedPosition';
import { scrollToRow, topRow } from './feedGeometry';
import { type FeedSnapshot, itemAt } from './feedSnapshot';

interface Options {
  address: NodeAddress;
  list: RefObject<HTMLElement | null>;
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
  snapshot,
  rowHeight,
  cursor,
  onRestored,
}: Options): void {
  const rpc = useRpc();
  const restored = useRef(false);
  const latest = useRef({ snapshot, cursor, rowHeight });
  latest.current = { snapshot, cursor, rowHeight };
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

  // The position is computed while the list exists (on scroll) and written from memory, so the
  // last one is still known when the view unmounts (its DOM is gone by then).
  const position = useRef<FeedPosition | undefined>(undefined);
  useEffect(() => {
    const measure = () => {
      const el = list.current;
      const { snapshot: snap, cursor: cur, rowHeight: height } = latest.current;
      if (!el || !snap || height === 0 || !restored.current) return;
      const top = topRow(el, height);
      const id = itemAt(snap, top.index)?.id;
      const cursorId = cur === undefined ? undefined : itemAt(snap, cur)?.id;
      position.current = {
        ...top,
        ...(id && { id }),
        ...(cur !== undefined && { cursor: cur }),
        ...(cursorId && { cursorId }),
      };
    };
    const save = () => {
      if (position.current) saveFeedPosition({ service, node }, position.current);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      measure();
      clearTimeout(timer);
      timer = setTimeout(save, 250);
    };
    addEventListener('scroll', onScroll, { passive: true });
    addEventListener('satchel:position', onScroll);
    addEventListener('pagehide', save);
    return () => {
      clearTimeout(timer);
      save();
      removeEventListener('scroll', onScroll);
      removeEventListener('satchel:position', onScroll);
      removeEventListener('pagehide', save);
    };
  }, [service, node, list]);

  // The cursor moving (j/k) is part of the position too.
  useEffect(() => {
    if (cursor === undefined || !restored.current) return;
    dispatchEvent(new Event('satchel:position'));
  }, [cursor]);
}
