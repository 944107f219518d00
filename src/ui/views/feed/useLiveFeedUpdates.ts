import { useEffect } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { useRpc } from '../../rpcContext';
import type { useFeedSnapshot } from './useFeedSnapshot';

type Feed = ReturnType<typeof useFeedSnapshot>;

/**
 * Applies the worker's events to an open feed without moving what the user reads: new posts
 * are counted (the "N new posts" control), changed posts are swapped in place, retracted ones
 * marked removed. A reader at the top of the feed, with nothing below to lose, gets a fresh
 * snapshot instead, so the list and its counts are the cache's (a catch-up after being away
 * lands on screen as it is). When the first sync completes, the snapshot switches to the cache.
 */
export function useLiveFeedUpdates(
  address: NodeAddress,
  feed: Feed,
  onDeleted: () => void,
  atTop: () => boolean,
): void {
  const rpc = useRpc();
  const { countNew, refreshItems, markRemoved, setNode, load, current } = feed;
  const { service, node } = address;

  useEffect(() => {
    const mine = (e: NodeAddress) => e.service === service && e.node === node;
    let counting: Promise<void> | undefined;
    let again = false;
    // The header's counts are the cache's, whatever part of the node the list shows: events
    // carry none, so they are asked for with the recount.
    const refreshCounts = async (): Promise<void> => {
      const view = (await rpc.call('cache.getNode', { service, node })).node;
      if (view && current.current) setNode(view);
    };
    const recount = () => {
      if (counting) {
        again = true; // a sync streams many events: one count in flight, one queued
        return;
      }
      // No snapshot yet: the first page may have been read before this change was written, and
      // its answer is still on the way. Take a new one (load drops the one on its way).
      const snap = current.current;
      const takeIn = !snap || (snap.source === 'cache' && atTop());
      counting = (takeIn ? load(true) : countNew())
        .then(refreshCounts)
        .catch(() => undefined)
        .finally(() => {
          counting = undefined;
          if (again) {
            again = false;
            recount();
          }
        });
    };

    const offItems = rpc.on('items', (event) => {
      if (!mine(event)) return;
      if (event.deleted) {
        onDeleted();
        return;
      }
      if (event.purged) return void load(true);
      if (event.retracted.length > 0) {
        if (current.current && !atTop()) markRemoved(event.retracted);
        recount();
      }
      if (event.upserted.length > 0) {
        void refreshItems(event.upserted).catch(() => undefined);
        recount();
      }
    });
    const offNode = rpc.on('node', (event) => {
      if (!mine(event)) return;
      const snap = current.current;
      setNode(event);
      // The first sync finished: page from the cache from now on (same newest items on top).
      // Also when the first page is still on its way from the server: it would be stale.
      if (snap?.source !== 'cache' && event.syncState === 'completed') void load(true);
    });
    return () => {
      offItems();
      offNode();
    };
  }, [
    rpc,
    service,
    node,
    countNew,
    refreshItems,
    markRemoved,
    setNode,
    load,
    current,
    onDeleted,
    atTop,
  ]);
}
