import { useRef, useState } from 'preact/hooks';
import type { DraftParams, NodeAddress, ParentAddress } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { InlineError, type InlineErrorValue } from '../../components/InlineError';
import { useRpc } from '../../rpcContext';

interface Props {
  /** Where the item goes: the account's microblog, or a post's comments node. */
  target: NodeAddress;
  /** Editing: the item's id (a published item, or a waiting write) and what it says. */
  itemId?: string;
  initial?: DraftParams;
  published?: number;
  /** A comment: the post it is under (XEP-0277 §6); the form then asks for text only. */
  parent?: ParentAddress;
  onDone: () => void;
  onCancel?: () => void;
}

let formCount = 0;

/**
 * Writes a post or a comment into the outbox: stored at once (offline too) and sent when the
 * session is online. The worker chooses the item id; an edit passes the item's own.
 */
export function ComposeForm({
  target,
  itemId,
  initial,
  published,
  parent,
  onDone,
  onCancel,
}: Props) {
  const rpc = useRpc();
  const id = useRef(`compose-${++formCount}`).current;
  const [title, setTitle] = useState(initial?.title ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  const [tags, setTags] = useState((initial?.categories ?? []).join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<InlineErrorValue>();
  const comment = parent !== undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!title.trim() && !text.trim()) {
      setError(comment ? 'Write a comment first.' : 'Write a title or a text first.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await rpc.call('outbox.publish', {
        ...target,
        draft: {
          title: comment ? '' : title,
          text,
          categories: comment
            ? []
            : tags
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
        },
        ...(itemId !== undefined && { itemId }),
        ...(published !== undefined && { published }),
        ...(parent && { parent }),
      });
      if (itemId === undefined) {
        // A new write: the form is ready for the next one.
        setTitle('');
        setText('');
        setTags('');
      }
      onDone();
    } catch (e) {
      setError(SatchelError.from(e).toData());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="compose"
      aria-label={comment ? 'Write a comment' : itemId ? 'Edit the post' : 'Write a post'}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onCancel) {
          e.preventDefault(); // the view's Escape (back to the feed) must not fire
          onCancel();
        }
      }}
    >
      {comment ? null : (
        <>
          <label for={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            type="text"
            value={title}
            maxLength={1000}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </>
      )}
      <label for={`${id}-text`}>{comment ? 'Comment' : 'Text'}</label>
      <textarea
        id={`${id}-text`}
        rows={comment ? 3 : 6}
        value={text}
        maxLength={100_000}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {comment ? null : (
        <>
          <label for={`${id}-tags`}>Tags</label>
          <input
            id={`${id}-tags`}
            type="text"
            value={tags}
            aria-describedby={`${id}-tags-hint`}
            onInput={(e) => setTags(e.currentTarget.value)}
          />
          <p id={`${id}-tags-hint`} class="muted small">
            Separated by commas.
          </p>
        </>
      )}
      <InlineError error={error} block />
      <div class="compose-actions">
        <button type="submit" disabled={busy}>
          {comment ? 'Comment' : itemId ? 'Save' : 'Publish'}
        </button>
        {onCancel ? (
          <button type="button" class="quiet" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <p class="muted small">Saved at once; sent when you are online.</p>
    </form>
  );
}
