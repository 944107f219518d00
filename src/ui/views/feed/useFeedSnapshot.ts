import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NodeAddress, NodeView } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { useRpc } from '../../rpcContext';
import { countNewPosts, NEW_WINDOW } from './countNewPosts';
import {
  type FeedSnapshot,
  loadedIds,
  missingPages,
  PAGE_SIZE,
  snapshotFromPage,
  withItems,
  withPage,
} from './feedSnapshot';

export type FeedState =
  | { status: 'loading' }
  | { status: 'error'; error: SatchelError }
  | { status: 'ok'; snapshot: FeedSnapshot; pageError?: SatchelError };

/** The feed's data: the snapshot, the pages loaded on demand, and the updates events bring. */
export function useFeedSnapshot(address: NodeAddress) {
  const rpc = useRpc();
  const [state, setState] = useState<FeedState>({ status: 'loading' });
  const current = useRef<FeedSnapshot | undefined>(undefined);
  const inflight = useRef(new Set<number>());
  const generation = useRef(0);
  const { service, node } = address;

  const commit = useCallback(
    (change: (s: FeedSnapshot) => FeedSnapshot, pageError?: SatchelError) => {
      if (!current.current) return;
      current.current = change(current.current);
      setState({ status: 'ok', snapshot: current.current, ...(pageError && { pageError }) });
    },
    [],
  );

  /** Takes a new snapshot; quiet keeps showing the old one until the new one is there. */
  const load = useCallback(
    async (quiet = false) => {
      const mine = ++generation.current;
      inflight.current.clear();
      if (!quiet) setState({ status: 'loading' });
      try {
        const page = await rpc.call('pubsub.getItems', { service, node, max: PAGE_SIZE }, 30_000);
        if (mine !== generation.current) return;
        current.current = snapshotFromPage(page);
        setState({ status: 'ok', snapshot: current.current });
      } catch (e) {
        // Quiet keeps the snapshot shown; with none yet, the error is all there is to show.
        if (mine === generation.current && (!quiet || !current.current))
          setState({ status: 'error', error: SatchelError.from(e) });
      }
    },
    [rpc, service, node],
  );

  // A layout effect: the first page is asked for as the view mounts, not after a paint (a cold
  // start waited a frame or more for it).
  useLayoutEffect(() => {
    current.current = undefined;
    void load();
    return () => {
      generation.current++;
    };
  }, [load]);

  /** Loads the pages covering indexes first..last that are missing (cached nodes only). */
  const ensureRange = useCallback(
    (first: number, last: number) => {
      const snap = current.current;
      if (!snap || snap.source !== 'cache') return;
      const mine = generation.current;
      for (const p of missingPages(snap, first, last, inflight.current)) {
        inflight.current.add(p);
        // Posts that arrived above the snapshot shift the store's indexes by newCount.
        const index = p * PAGE_SIZE + snap.newCount;
        rpc.call('pubsub.getItems', { service, node, max: PAGE_SIZE, index }).then(
          (page) => {
            inflight.current.delete(p);
            if (mine === generation.current) commit((s) => withPage(s, p, page.items));
          },
          (e: unknown) => {
            inflight.current.delete(p);
            if (mine === generation.current) commit((s) => s, SatchelError.from(e));
          },
        );
      }
    },
    [rpc, service, node, commit],
  );

  /** Fetches changed items that are on screen again and swaps them in place. */
  const refreshItems = useCallback(
    async (ids: readonly string[]) => {
      const snap = current.current;
      if (!snap) return;
      const loaded = loadedIds(snap);
      const wanted = ids.filter((id) => loaded.has(id));
      if (wanted.length === 0) return;
      const page = await rpc.call('pubsub.getItems', {
        service,
        node,
        itemIds: wanted.slice(0, 1000),
      });
      commit((s) => withItems(s, page.items));
    },
    [rpc, service, node, commit],
  );

  /** Counts posts newer than the snapshot's first item (see countNewPosts). */
  const countNew = useCallback(async () => {
    const snap = current.current;
    if (!snap) return;
    if (!snap.pages.get(0)?.[0]) return load(true); // an empty feed just takes them in
    const page = await rpc.call('pubsub.getItems', { service, node, max: NEW_WINDOW });
    commit((s) => ({ ...s, ...countNewPosts(s, page.items) }));
  }, [rpc, service, node, commit, load]);

  const markRemoved = useCallback(
    (ids: readonly string[]) => {
      commit((s) => ({ ...s, removed: new Set([...s.removed, ...ids]) }));
    },
    [commit],
  );

  const setNode = useCallback(
    (view: NodeView) => {
      commit((s) => ({
        ...s,
        node: {
          ...view,
          itemCount: view.itemCount ?? s.node.itemCount,
          unread: view.unread ?? s.node.unread,
        },
      }));
    },
    [commit],
  );

  return {
    state,
    load,
    ensureRange,
    refreshItems,
    countNew,
    markRemoved,
    setNode,
    commit,
    current,
  };
}
