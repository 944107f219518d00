import type { SatchelError } from '../../../shared/SatchelError';
import { ErrorState } from '../common/ErrorState';
import type { FeedSnapshot } from './feedSnapshot';

/** What the user should know about the list: not cached yet, or a page that failed to load. */
export function FeedNotices({
  snapshot,
  pageError,
  onRetry,
}: {
  snapshot: FeedSnapshot;
  pageError?: SatchelError | undefined;
  onRetry: () => void;
}) {
  const syncing = snapshot.node.syncState === 'pending' || snapshot.node.syncState === 'inProgress';
  return (
    <>
      {snapshot.source === 'server' && snapshot.total > 0 ? (
        <p class="notice" data-testid="server-notice">
          {syncing
            ? 'Showing the newest posts from the server while the feed is being cached; older posts follow when the sync is done.'
            : 'This node is not cached: showing its newest items, straight from the server.'}
        </p>
      ) : null}
      {pageError ? (
        <ErrorState title="Some posts could not be loaded." error={pageError} onRetry={onRetry} />
      ) : null}
    </>
  );
}
