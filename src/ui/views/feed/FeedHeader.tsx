import type { Ref } from 'preact';
import type { NodeView } from '../../../shared/protocol';
import { plural } from '../../format/count';
import { isMicroblogNode, nodeSubtitle, nodeTitle } from '../../format/nodeTitle';
import { Link } from '../../router/Link';
import { homeHref } from '../../router/paths';
import { SyncStatus } from '../home/SyncStatus';
import { FollowToggle } from './FollowToggle';
import { RemoteImagesToggle } from './RemoteImagesToggle';
import { SkippedItems } from './SkippedItems';

interface Props {
  node: NodeView;
  account: string | undefined;
  total: number;
  headingRef: Ref<HTMLHeadingElement>;
  onNodeChange: (view: NodeView | null) => void;
}

/** The feed's title, counts, cache state and actions. */
export function FeedHeader({ node, account, total, headingRef, onNodeChange }: Props) {
  const unread = node.unread ?? 0;
  return (
    <header class="feed-header">
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <Link href={homeHref()}>Your feeds</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">{nodeTitle(node, account)}</span>
      </nav>
      <div class="view-header">
        <div>
          <h1 ref={headingRef} tabIndex={-1}>
            {nodeTitle(node, account)}
          </h1>
          <p class="muted node-address">{nodeSubtitle(node, account)}</p>
        </div>
        <div class="feed-actions">
          <FollowToggle node={node} onChange={onNodeChange} />
        </div>
      </div>
      <p class="feed-stats">
        {/* The cache's count for a synced node (removed rows and new posts included as they
            are), the list's otherwise. */}
        <span data-testid="feed-total">{plural(node.itemCount ?? total, 'post')}</span>
        {unread > 0 ? (
          <span data-testid="feed-unread"> · {unread.toLocaleString()} unread</span>
        ) : null}
        <span aria-hidden="true"> · </span>
        <SyncStatus node={node} />
      </p>
      <SkippedItems skipped={node.skipped} />
      <div class="feed-tools">
        {isMicroblogNode(node) ? <RemoteImagesToggle address={node} /> : null}
        <p class="muted small keyboard-hint">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> back
        </p>
      </div>
    </header>
  );
}
