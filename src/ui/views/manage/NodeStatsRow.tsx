import type { NodeStats } from '../../../shared/cacheManagement';
import type { SatchelError } from '../../../shared/SatchelError';
import { formatBytes, plural } from '../../format/count';
import { nodeTitle } from '../../format/nodeTitle';
import { skippedSummary } from '../../format/skippedSummary';
import { Link } from '../../router/Link';
import { feedHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { RelativeTime } from '../common/RelativeTime';
import { ConfirmButton } from './ConfirmButton';
import { downloadFile, fileNameFor } from './downloadFile';
import { RetentionEditor } from './RetentionEditor';
import { errorText } from '../../format/errorText';

/** Exports and imports read or write a whole node or cache: they may take long. */
export const LONG_MS = 300_000;

interface Props {
  stats: NodeStats;
  account: string | undefined;
  onChanged: () => void;
  onError: (error: SatchelError) => void;
}

/** A cell's column name, seen only in the stacked layout (the header says it to screen readers). */
function CellLabel({ name }: { name: string }) {
  return (
    <span class="cell-label" aria-hidden="true">
      {name}
    </span>
  );
}

/** One cached node: its figures, state, retention and actions. */
export function NodeStatsRow({ stats, account, onChanged, onError }: Props) {
  const rpc = useRpc();
  const at = { service: stats.service, node: stats.node };
  const title = nodeTitle(
    { ...at, ...(stats.title !== undefined && { config: { title: stats.title } }) },
    account,
  );
  const exportAtom = async () => {
    const { atom } = await rpc.call('cache.exportNode', at, LONG_MS);
    downloadFile(atom, fileNameFor(title, 'atom'), 'application/atom+xml');
  };
  return (
    <tr role="row" data-node={stats.node} data-service={stats.service}>
      <th scope="row" role="rowheader">
        <Link href={feedHref(at)}>{title}</Link>
        <span class="muted node-address">
          {stats.service}
          {title === stats.node ? '' : ` · ${stats.node}`}
          {stats.type ? ` · ${stats.type}` : ''}
        </span>
      </th>
      <td role="cell">
        <CellLabel name="Items" />
        <span data-testid="item-count">
          {stats.itemCount.toLocaleString()}
          {stats.pinnedCount > 0 ? (
            <span class="muted"> ({stats.pinnedCount.toLocaleString()} pinned)</span>
          ) : null}
        </span>
      </td>
      <td role="cell">
        <CellLabel name="Size" />
        {`${stats.bytesExact ? '' : '≈ '}${formatBytes(stats.bytes)}`}
      </td>
      <td role="cell">
        <CellLabel name="State" />
        <span data-sync={stats.syncState}>{stats.syncState}</span>
        {stats.lastSyncAt !== undefined ? (
          <span class="muted">
            {' '}
            · synced <RelativeTime at={stats.lastSyncAt} />
          </span>
        ) : null}
        {stats.skippedCount ? (
          <span class="skipped-count" data-testid="skipped-count">
            {' '}
            · {skippedSummary(stats.skippedCount)}
          </span>
        ) : null}
        {stats.error ? (
          <span class="form-error" data-code={stats.error.code}>
            {' '}
            {errorText(stats.error)}
          </span>
        ) : null}
      </td>
      <td role="cell">
        <CellLabel name="Keep" />
        <RetentionEditor
          at={at}
          retention={stats.retention}
          onChanged={onChanged}
          onError={onError}
        />
      </td>
      <td role="cell">
        <div class="node-actions" role="group" aria-label={`Actions on ${title}`}>
          <ConfirmButton
            label="Resync"
            busyLabel="Resyncing…"
            run={async () => {
              await rpc.call('cache.resync', at);
              onChanged();
            }}
            onError={onError}
          />
          <ConfirmButton
            label="Reset"
            question="Forget this feed and sync it again from scratch?"
            danger
            run={async () => {
              await rpc.call('cache.reset', at);
              onChanged();
            }}
            onError={onError}
          />
          <ConfirmButton
            label="Export Atom"
            busyLabel="Exporting…"
            run={exportAtom}
            onError={onError}
          />
          <ConfirmButton
            label="Unfollow and delete"
            question={`Unfollow and delete ${plural(stats.itemCount, 'cached item')}?`}
            danger
            run={async () => {
              await rpc.call('cache.unfollow', at);
              onChanged();
            }}
            onError={onError}
          />
        </div>
      </td>
    </tr>
  );
}
