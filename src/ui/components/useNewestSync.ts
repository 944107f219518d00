import { useEffect, useState } from 'preact/hooks';
import { useRpc } from '../rpcContext';

/**
 * When the followed feeds were last synced (the newest `lastSyncAt`, as the worker keeps it per
 * node), asked while `active`: offline, it tells how fresh the saved posts are. `since` asks
 * again when the session state changed. Undefined while unknown or when nothing was synced.
 */
export function useNewestSync(active: boolean, since: number): number | undefined {
  const rpc = useRpc();
  const [newest, setNewest] = useState<number>();
  useEffect(() => {
    if (!active) return;
    let current = true;
    rpc
      .call('cache.listNodes', { followedOnly: true })
      .then(({ nodes }) => {
        const times = nodes.flatMap((n) => (n.lastSyncAt === undefined ? [] : [n.lastSyncAt]));
        if (current) setNewest(times.length === 0 ? undefined : Math.max(...times));
      })
      .catch(() => undefined); // the status says offline all the same, only without the age
    return () => {
      current = false;
    };
  }, [rpc, active, since]);
  return active ? newest : undefined;
}
