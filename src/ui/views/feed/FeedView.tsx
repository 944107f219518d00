import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NodeView } from '../../../shared/protocol';
import { prerenderedFeed } from '../../prerender/prerenderedFeed';
import { goBackTo, navigate } from '../../router/navigation';
import { homeHref, itemHref } from '../../router/paths';
import { connection } from '../../state/appState';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useViewHeading } from '../common/useViewHeading';
import { revealRow, scrollToRow } from './feedGeometry';
import { itemAt } from './feedSnapshot';
import { FeedHeader } from './FeedHeader';
import { FeedList } from './FeedList';
import { FeedNotices } from './FeedNotices';
import { NewPostsButton } from './NewPostsButton';
import { useFeedKeyboard } from './useFeedKeyboard';
import { useFeedSnapshot } from './useFeedSnapshot';
import { useLiveFeedUpdates } from './useLiveFeedUpdates';
import { useReadingPosition } from './useReadingPosition';
import { useVirtualWindow } from './useVirtualWindow';
import { MICROBLOG_NODE } from '../../format/nodeTitle';
import { FeedWriting } from '../write/FeedWriting';

/** `/feed/:service/:node`: the node's items, newest first, windowed, live, keyboard-driven. */
export function FeedView({ service, node }: { service: string; node: string }) {
  const address = useMemo(() => ({ service, node }), [service, node]);
  const account = connection.value.account;
  const feed = useFeedSnapshot(address);
  const snapshot = feed.state.status === 'ok' ? feed.state.snapshot : undefined;
  const total = snapshot?.total ?? 0;
  const listRef = useRef<HTMLDivElement>(null);
  const { range, rowHeight, top } = useVirtualWindow(listRef, total);
  const [cursor, setCursorState] = useState<number>();
  // Keys can come faster than renders: the cursor's truth is this ref, the state re-renders.
  const cursorRef = useRef<number | undefined>(undefined);
  const setCursor = useCallback((index: number | undefined) => {
    cursorRef.current = index;
    setCursorState(index);
  }, []);
  const [deleted, setDeleted] = useState(false);
  const focusWanted = useRef(false);
  const heading = useViewHeading(snapshot ? node : 'Feed', { focus: false, scrollTop: false });

  const { ensureRange } = feed;
  useEffect(() => {
    ensureRange(range[0], range[1]);
  }, [ensureRange, range, snapshot]);

  const moveTo = useCallback(
    (index: number) => {
      if (listRef.current && rowHeight > 0) revealRow(listRef.current, rowHeight, index);
      focusWanted.current = true;
      setCursor(index);
    },
    [rowHeight, setCursor],
  );
  // The row exists only once the window reaches it: focus it when it does.
  useEffect(() => {
    const wanted = cursorRef.current;
    if (!focusWanted.current || wanted === undefined) return;
    const link = listRef.current?.querySelector<HTMLElement>(`[data-index="${wanted}"] .row-link`);
    if (link) {
      focusWanted.current = false;
      link.focus({ preventScroll: true });
    }
  });

  const onRestored = useCallback(
    (saved: number | undefined) => {
      if (saved === undefined) return heading.current?.focus({ preventScroll: true });
      focusWanted.current = true;
      setCursor(saved);
    },
    [heading, setCursor],
  );
  useReadingPosition({ address, list: listRef, top, snapshot, rowHeight, cursor, onRestored });
  // At the top: the first row on screen and the cursor, if any, on it.
  const firstShown = useRef(range[0]);
  firstShown.current = range[0];
  useLiveFeedUpdates(
    address,
    feed,
    useCallback(() => {
      setDeleted(true);
    }, []),
    useCallback(() => firstShown.current === 0 && (cursorRef.current ?? 0) === 0, []),
  );
  useFeedKeyboard({
    total,
    cursor: () => cursorRef.current,
    moveTo,
    open: (index) => {
      const item = snapshot && itemAt(snapshot, index);
      if (item) navigate(itemHref(address, item.id));
    },
    back: () => {
      goBackTo(homeHref());
    },
  });

  const showNew = async () => {
    await feed.load(true);
    if (listRef.current && rowHeight > 0) scrollToRow(listRef.current, rowHeight, 0);
    moveTo(0);
  };
  const onNodeChange = (view: NodeView | null) => {
    if (view) feed.setNode(view);
    else feed.commit((s) => ({ ...s, node: { ...s.node, followed: false, subscription: 'none' } }));
  };

  // The worker's pre-rendered rows give way to whatever this view shows instead of rows (the
  // list drops them once its own rows are in: FeedList).
  const noRows = deleted || feed.state.status === 'error' || snapshot?.total === 0;
  useLayoutEffect(() => {
    if (noRows) prerenderedFeed.drop();
  }, [noRows]);

  if (deleted) return <EmptyState title="This node was deleted by its owner." />;
  if (feed.state.status === 'loading')
    return prerenderedFeed.shown.value ? null : <LoadingState label="Loading posts…" />;
  if (feed.state.status === 'error')
    return (
      <ErrorState
        title={`The feed ${node} could not be loaded.`}
        error={feed.state.error}
        onRetry={() => void feed.load()}
      />
    );
  const snap = feed.state.snapshot;
  return (
    <div class="view feed" data-source={snap.source}>
      <FeedHeader
        node={snap.node}
        account={account}
        total={snap.total}
        headingRef={heading}
        onNodeChange={onNodeChange}
      />
      <FeedNotices
        snapshot={snap}
        pageError={feed.state.pageError}
        onRetry={() => {
          ensureRange(range[0], range[1]);
        }}
      />
      {account !== undefined && service === account && node === MICROBLOG_NODE ? (
        <FeedWriting address={address} />
      ) : null}
      <NewPostsButton count={snap.newCount} capped={snap.newCapped} onShow={() => void showNew()} />
      {snap.total === 0 ? (
        <EmptyState title="No posts yet.">
          <p class="muted">New posts appear here as soon as they are published.</p>
        </EmptyState>
      ) : (
        <FeedList
          address={address}
          snapshot={snap}
          range={range}
          cursor={cursor}
          listRef={listRef}
          onCursor={setCursor}
        />
      )}
    </div>
  );
}
