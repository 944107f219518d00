import { useEffect } from 'preact/hooks';
import type { NodeView } from '../../../shared/protocol';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { useRpc } from '../../rpcContext';

const sameNode = (a: NodeView, b: { service: string; node: string }) =>
  a.service === b.service && a.node === b.node;

/**
 * The followed nodes, kept current: a `node` event updates its row at once (sync state,
 * progress); item changes refresh the counts, at most every 800 ms while a sync streams.
 */
export function useFollowedNodes() {
  const rpc = useRpc();
  const query = useRpcQuery(
    async () => (await rpc.call('cache.listNodes', { followedOnly: true })).nodes,
    [],
  );
  const { update, reload } = query;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        reload();
      }, 800);
    };
    const offNode = rpc.on('node', (event) => {
      update((nodes) =>
        nodes.map((n) => {
          if (!sameNode(n, event)) return n;
          // The event carries no counts: keep the last known ones until the refresh.
          return {
            ...event,
            itemCount: event.itemCount ?? n.itemCount,
            unread: event.unread ?? n.unread,
          };
        }),
      );
      later();
    });
    const offItems = rpc.on('items', later);
    return () => {
      offNode();
      offItems();
      clearTimeout(timer);
    };
  }, [rpc, update, reload]);

  return query;
}
