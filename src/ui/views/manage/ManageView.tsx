import { useState } from 'preact/hooks';
import type { SatchelError } from '../../../shared/SatchelError';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { useRpc } from '../../rpcContext';
import { connection } from '../../state/appState';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useViewHeading } from '../common/useViewHeading';
import { ConfirmButton } from './ConfirmButton';
import { ExportImportPanel } from './ExportImportPanel';
import { NodeStatsTable } from './NodeStatsTable';
import { PurgeForm } from './PurgeForm';
import { StorageUsage } from './StorageUsage';

/** `/manage`: what is cached per feed, storage used, and the actions on it. */
export function ManageView() {
  const rpc = useRpc();
  const account = connection.value.account;
  const heading = useViewHeading('Manage the cache');
  const stats = useRpcQuery(() => rpc.call('cache.stats', {}, 60_000), []);
  const [error, setError] = useState<SatchelError>();
  const data = stats.state.data;
  const changed = () => stats.reload();

  return (
    <div class="view manage">
      <div class="view-header">
        <h1 ref={heading} tabIndex={-1}>
          Manage the cache
        </h1>
      </div>
      {error ? (
        <ErrorState title="That did not work." error={error} onRetry={() => setError(undefined)} />
      ) : null}
      {stats.state.status === 'loading' ? <LoadingState label="Counting what is cached…" /> : null}
      {stats.state.status === 'error' ? (
        <ErrorState
          title="The cache could not be read."
          error={stats.state.error}
          onRetry={stats.retry}
        />
      ) : null}
      {data ? (
        <>
          <StorageUsage items={data.itemCount} bytes={data.bytes} refresh={data} />
          {data.nodes.length === 0 ? (
            <EmptyState title="Nothing is cached yet." />
          ) : (
            <NodeStatsTable
              nodes={data.nodes}
              account={account}
              onChanged={changed}
              onError={setError}
            />
          )}
          <PurgeForm nodes={data.nodes} account={account} onChanged={changed} onError={setError} />
          <ExportImportPanel onChanged={changed} onError={setError} />
          <section class="clear-all" aria-labelledby="clear-heading">
            <h2 id="clear-heading">Clear everything</h2>
            <ConfirmButton
              label="Clear the cache"
              question="Delete every cached feed and item on this device? Your account stays signed in."
              danger
              run={async () => {
                await rpc.call('cache.clearAll', {});
                changed();
              }}
              onError={setError}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
