import type { NodeView } from '../../../shared/protocol';
import { connection } from '../../state/appState';
import { RelativeTime } from '../common/RelativeTime';
import { errorText } from '../../format/errorText';

/** The node's cache state in words: syncing with progress, freshness, or the failure. */
export function SyncStatus({ node }: { node: NodeView }) {
  switch (node.syncState) {
    case 'pending':
      return (
        <span class="sync sync-pending" data-sync="pending">
          Waiting to sync
        </span>
      );
    case 'inProgress': {
      const p = node.progress;
      const amount = p
        ? p.total
          ? ` ${p.done.toLocaleString()} of ${p.total.toLocaleString()}`
          : ` ${p.done.toLocaleString()}`
        : '';
      return (
        <span class="sync sync-progress" data-sync="inProgress">
          Syncing{amount}…
        </span>
      );
    }
    case 'completed':
      // "Synced" only once a catch-up after an absence converged (issue 14).
      // A catch-up a stopped worker left running goes on once a session returns; until then
      // the cache is as of its last sync, and says so.
      if (node.catchUp?.state === 'running' && connection.value.status !== 'online')
        return (
          <span class="sync sync-waiting" data-sync="catchUpWaiting">
            {node.lastSyncAt ? <RelativeTime at={node.lastSyncAt} prefix="Synced " /> : 'Synced'},
            to be caught up once online
          </span>
        );
      if (node.catchUp?.state === 'running')
        return (
          <span class="sync sync-progress" data-sync="catchingUp">
            Catching up…
          </span>
        );
      if (node.catchUp?.state === 'failed')
        return (
          <span
            class="sync sync-error"
            data-sync="catchUpFailed"
            data-code={node.catchUp.error.code}
          >
            Catch-up failed: {errorText(node.catchUp.error)} · cached posts kept, trying again
          </span>
        );
      return (
        <span class="sync sync-done" data-sync="completed">
          {node.lastSyncAt ? <RelativeTime at={node.lastSyncAt} prefix="Synced " /> : 'Synced'}
        </span>
      );
    case 'error':
      return (
        <span class="sync sync-error" data-sync="error" data-code={node.error?.code}>
          Sync failed{node.error ? `: ${errorText(node.error)}` : ''}
        </span>
      );
    case 'noSync':
      return (
        <span class="sync sync-live" data-sync="noSync">
          Read live from the server
        </span>
      );
  }
}
