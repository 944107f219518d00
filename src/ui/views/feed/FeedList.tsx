import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { isMicroblogNode } from '../../format/nodeTitle';
import { prerenderedFeed } from '../../prerender/prerenderedFeed';
import { type FeedSnapshot, itemAt } from './feedSnapshot';
import { FeedRow } from './FeedRow';
import { SkeletonRow } from './SkeletonRow';

interface Props {
  address: NodeAddress;
  snapshot: FeedSnapshot;
  range: [number, number];
  cursor: number | undefined;
  listRef: RefObject<HTMLDivElement | null>;
  onCursor: (index: number) => void;
}

/**
 * The windowed list (ARIA feed pattern): the container is as tall as the whole feed (CSS:
 * rows × row height), and only the rows near the viewport exist, each at its index's place.
 * One row at a time is in the Tab order (roving tabindex): Tab leaves a 5,000-item feed at once.
 */
export function FeedList({ address, snapshot, range, cursor, listRef, onCursor }: Props) {
  const microblog = isMicroblogNode(snapshot.node);
  const [first, last] = range;
  const rows = [];
  let skeletons = 0;
  const tabStop = cursor ?? first;
  for (let i = first; i <= last && i < snapshot.total; i++) {
    const item = itemAt(snapshot, i);
    if (!item) {
      skeletons++;
      rows.push(<SkeletonRow key={`s${i}`} index={i} />);
      continue;
    }
    rows.push(
      <FeedRow
        key={item.id}
        address={address}
        item={item}
        index={i}
        total={snapshot.total}
        microblog={microblog}
        removed={snapshot.removed.has(item.id)}
        focusable={i === tabStop}
      />,
    );
  }
  const hasRows = rows.length > skeletons;
  // Its own rows replace the worker's pre-rendered ones in the same frame (prerenderedFeed.ts).
  useLayoutEffect(() => {
    if (hasRows) prerenderedFeed.drop();
  }, [hasRows]);
  const onFocusIn = (event: FocusEvent) => {
    const row = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-index]');
    const index = row ? Number(row.dataset.index) : NaN;
    if (Number.isInteger(index) && index !== cursor) onCursor(index);
  };
  return (
    <div
      ref={listRef}
      class="feed-list"
      role="feed"
      aria-label="Posts, newest first"
      aria-busy={skeletons > 0}
      style={{ '--rows': String(snapshot.total) }}
      onFocusIn={onFocusIn}
      data-testid="feed-list"
    >
      {rows}
    </div>
  );
}
