import { useEffect, useState } from 'preact/hooks';
import type { OutboxEntryView } from '../../../shared/protocol';
import { useRpc } from '../../rpcContext';
import { connection } from '../../state/appState';

/** The account's waiting and refused writes (issue 17), kept current by `outbox` events. */
export function useOutbox(): OutboxEntryView[] {
  const rpc = useRpc();
  const [entries, setEntries] = useState<OutboxEntryView[]>([]);
  const account = connection.value.account;
  useEffect(() => {
    if (!account) return;
    let live = true;
    const off = rpc.on('outbox', (e) => {
      if (e.account === account) setEntries(e.entries);
    });
    rpc.call('outbox.list', {}).then(
      (r) => {
        if (live) setEntries(r.entries);
      },
      () => undefined, // the event brings the list once the worker answers again
    );
    return () => {
      live = false;
      off();
    };
  }, [rpc, account]);
  return entries;
}
