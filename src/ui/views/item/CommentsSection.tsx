import { useEffect } from 'preact/hooks';
import type { CommentsNode } from '../../../shared/microblogTypes';
import type { NodeAddress } from '../../../shared/protocol';
import { plural } from '../../format/count';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { Link } from '../../router/Link';
import { feedHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { CommentView } from './CommentView';

/** The post's comments node (XEP-0277 §6), oldest first, kept current by item events. */
export function CommentsSection({ comments, feed }: { comments: CommentsNode; feed: NodeAddress }) {
  const rpc = useRpc();
  const { service, node } = comments;
  const { state, retry, reload } = useRpcQuery(
    async () =>
      (await rpc.call('pubsub.getItems', { service, node, max: 200 }, 30_000)).items
        .slice()
        .reverse(),
    [service, node],
  );
  useEffect(
    () =>
      rpc.on('items', (e) => {
        if (e.service === service && e.node === node) reload();
      }),
    [rpc, service, node, reload],
  );
  const count = state.status === 'ok' ? state.data.length : undefined;
  return (
    <section class="comments" aria-labelledby="comments-title" data-testid="comments">
      <h2 id="comments-title">{count === undefined ? 'Comments' : plural(count, 'comment')}</h2>
      {state.status === 'loading' ? <LoadingState label="Loading comments…" /> : null}
      {state.status === 'error' ? (
        <ErrorState title="The comments could not be loaded." error={state.error} onRetry={retry} />
      ) : null}
      {count === 0 ? <p class="muted">No comments yet.</p> : null}
      {state.status === 'ok' && state.data.length > 0 ? (
        <ol class="comment-list">
          {state.data.map((item) => (
            <CommentView key={item.id} item={item} feed={feed} />
          ))}
        </ol>
      ) : null}
      <p class="small">
        <Link href={feedHref(comments)}>Open the comments as a feed</Link>
      </p>
    </section>
  );
}
