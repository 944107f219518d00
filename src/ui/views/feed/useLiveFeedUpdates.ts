import { useEffect } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { useRpc } from '../../rpcContext';
import type { useFeedSnapshot } from './useFeedSnapshot';

type Feed = ReturnType<typeof useFeedSnapshot>;

/**
 * Applies the worker's events to an open feed without moving what the user reads: new posts
 * are counted (the "N new posts" control), changed posts are swapped in place, retracted ones
 * marked removed. When the first sync completes, the snapshot switches to the cache quietly.
 */
export function useLiveFeedUpdates(address: NodeAddress, feed: Feed, onDeleted: () => void): void {
  const rpc = useRpc();
  const { countNew, refreshItems, markRemoved, setNode, load, current } = feed;
  const { service, node } = address;

  useEffect(() => {
    const mine = (e: NodeAddress) => e.service === service && e.node === node;
    let counting: Promise<void> | undefined;
    let again = false;
    const recount = () => {
      if (counting) {
        again = true; // a sync streams many events: one count in flight, one queued
        return;
      }
      counting = countNew()
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
      if (event.retracted.length > 0) markRemoved(event.retracted);
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
      if (snap && snap.source === 'server' && event.syncState === 'completed') void load(true);
    });
    return () => {
      offItems();
      offNode();
    };
  }, [rpc, service, node, countNew, refreshItems, markRemoved, setNode, load, current, onDeleted]);
}
