import type { NodeView } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { plural } from '../../format/count';
import { nodeSubtitle, nodeTitle } from '../../format/nodeTitle';
import { Link } from '../../router/Link';
import { feedHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { SyncStatus } from './SyncStatus';
import { UnfollowButton } from './UnfollowButton';

interface Props {
  node: NodeView;
  account: string | undefined;
  onChanged: () => void;
  onError: (error: SatchelError) => void;
}

/** One followed node on the home page: its name, unread count, sync state and actions. */
export function FollowedNodeRow({ node, account, onChanged, onError }: Props) {
  const rpc = useRpc();
  const title = nodeTitle(node, account);
  const unread = node.unread ?? 0;
  const resync = () =>
    rpc
      .call('cache.resync', { service: node.service, node: node.node })
      .then(onChanged, (e: unknown) => {
        onError(SatchelError.from(e));
      });
  return (
    <li class="node-row" data-node={node.node} data-service={node.service}>
      <div class="node-main">
        <Link class="node-link" href={feedHref(node)}>
          <span class="node-title">{title}</span>
          {unread > 0 ? (
            <span
              class="badge"
              data-testid="unread-count"
              aria-label={plural(unread, 'unread post')}
            >
              {unread.toLocaleString()}
            </span>
          ) : null}
        </Link>
        <span class="node-address muted">{nodeSubtitle(node, account)}</span>
        <span class="node-meta">
          <SyncStatus node={node} />
          {node.itemCount !== undefined ? (
            <span class="muted"> · {plural(node.itemCount, 'post')}</span>
          ) : null}
        </span>
      </div>
      <div class="node-actions">
        {node.syncState === 'error' ? (
          <button type="button" class="quiet" onClick={() => void resync()}>
            Retry sync
          </button>
        ) : null}
        <UnfollowButton address={node} label={title} onDone={onChanged} />
      </div>
    </li>
  );
}
