import { useState } from 'preact/hooks';
import type { MicroblogItem } from '../../../shared/microblogTypes';
import type { ItemView, ParentAddress } from '../../../shared/protocol';
import type { SatchelError } from '../../../shared/SatchelError';
import { InlineError } from '../../components/InlineError';
import { plainText } from '../../format/microblogEntry';
import { useRpc } from '../../rpcContext';
import { ConfirmButton } from '../manage/ConfirmButton';
import { ComposeForm } from './ComposeForm';
import { PendingWrites } from './PendingWrites';
import { useOutbox } from './useOutbox';

/**
 * The reader's own post: edit (the same item id published again, XEP-0060 §7.1.2) and delete
 * (retract, §7.2), both through the outbox; what still waits for this post is shown with it.
 */
export function PostActions({
  post,
  entry,
  item,
}: {
  post: ParentAddress;
  entry: MicroblogItem;
  item: ItemView;
}) {
  const rpc = useRpc();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<SatchelError>();
  const waiting = useOutbox().filter(
    (e) => e.service === post.service && e.node === post.node && e.itemId === post.itemId,
  );
  const hasTitle = Boolean(entry.content ?? entry.summary);
  const initial = {
    title: hasTitle ? plainText(entry.title) : '',
    text: hasTitle ? plainText(entry.content ?? entry.summary) : plainText(entry.title),
    categories: entry.categories.map((c) => c.term),
  };
  const published = entry.published?.ms ?? item.created;
  return (
    <div class="post-actions">
      <PendingWrites entries={waiting} label="Changes waiting to be sent" />
      {editing ? (
        <ComposeForm
          target={{ service: post.service, node: post.node }}
          itemId={post.itemId}
          initial={initial}
          {...(published !== undefined && { published })}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div class="compose-actions">
          <button type="button" class="quiet small" onClick={() => setEditing(true)}>
            Edit
          </button>
          <ConfirmButton
            label="Delete"
            question="Delete this post from your microblog?"
            danger
            run={async () => {
              await rpc.call('outbox.retract', post);
            }}
            onError={setError}
          />
        </div>
      )}
      <InlineError error={error?.toData()} />
    </div>
  );
}
