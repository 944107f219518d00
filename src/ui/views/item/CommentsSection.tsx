import { useEffect } from 'preact/hooks';
import type { CommentsNode } from '../../../shared/microblogTypes';
import type { NodeAddress, ParentAddress } from '../../../shared/protocol';
import { plural } from '../../format/count';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { Link } from '../../router/Link';
import { feedHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { CommentView } from './CommentView';
import { connection } from '../../state/appState';
import { ComposeForm } from '../write/ComposeForm';
import { PendingWrites } from '../write/PendingWrites';
import { useOutbox } from '../write/useOutbox';
import { asMicroblogItem } from '../../format/microblogEntry';
import type { ItemView } from '../../../shared/protocol';

/** The post's comments node (XEP-0277 §6), oldest first, kept current by item events; the
 * reader's comments go through the outbox and wait under the post until they are sent. */
export function CommentsSection({
  comments,
  feed,
  post,
}: {
  comments: CommentsNode;
  feed: NodeAddress;
  post: ParentAddress;
}) {
  const rpc = useRpc();
  const { service, node } = comments;
  const account = connection.value.account;
  const waiting = useOutbox().filter((e) => e.service === service && e.node === node);
  const retract = (itemId: string) =>
    rpc.call('outbox.retract', { service, node, itemId, parent: post }).then(() => undefined);
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
            <CommentView
              key={item.id}
              item={item}
              feed={feed}
              {...(account !== undefined &&
                writtenBy(item, account) && { onDelete: () => retract(item.id) })}
            />
          ))}
        </ol>
      ) : null}
      <PendingWrites entries={waiting} label="Comments waiting to be sent" />
      <ComposeForm
        key={waiting.length}
        target={{ service, node }}
        parent={post}
        onDone={() => undefined}
      />
      <p class="small">
        <Link href={feedHref(comments)}>Open the comments as a feed</Link>
      </p>
    </section>
  );
}

/** Whether the account wrote the comment: the service says so, or the entry's author does. */
function writtenBy(item: ItemView, account: string): boolean {
  if (item.publisher) return item.publisher.split('/')[0] === account;
  return asMicroblogItem(item)?.authors[0]?.jid === account;
}
