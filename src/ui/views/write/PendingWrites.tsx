import { useState } from 'preact/hooks';
import type { OutboxEntryView } from '../../../shared/protocol';
import { InlineError } from '../../components/InlineError';
import { useRpc } from '../../rpcContext';
import { ComposeForm } from './ComposeForm';
import { errorText } from '../../format/errorText';

/**
 * Writes still in the outbox, shown where they will appear: waiting to be sent, or refused by
 * the server with its reason, and then editable or discardable (issue 17).
 */
export function PendingWrites({ entries, label }: { entries: OutboxEntryView[]; label: string }) {
  if (entries.length === 0) return null;
  return (
    <section class="pending-writes" aria-label={label}>
      <ul>
        {entries.map((entry) => (
          <PendingWrite key={entry.seq} entry={entry} />
        ))}
      </ul>
    </section>
  );
}

function PendingWrite({ entry }: { entry: OutboxEntryView }) {
  const rpc = useRpc();
  const [editing, setEditing] = useState(false);
  const refused = entry.state === 'refused';
  const what = entry.draft ? entry.draft.title || entry.draft.text : undefined;
  const status =
    entry.op === 'retract'
      ? refused
        ? 'Not deleted'
        : 'Deletion waits to be sent'
      : refused
        ? 'Not published'
        : 'Waiting to be sent';
  return (
    <li
      class={refused ? 'pending-write refused' : 'pending-write'}
      data-testid="pending-write"
      data-state={entry.state}
      data-op={entry.op}
      data-item-id={entry.itemId}
    >
      <p class="pending-status">
        <strong>{status}</strong>
        {entry.attempts > 0 && !refused ? (
          <span class="muted"> · tried {entry.attempts}×</span>
        ) : null}
      </p>
      {what ? <p class="pending-text">{what}</p> : null}
      {refused && entry.error ? (
        <InlineError
          error={{
            message: `The server refused it: ${errorText(entry.error)}`,
            code: entry.error.code,
            ...(entry.error.detail !== undefined && { detail: entry.error.detail }),
          }}
          block
        />
      ) : null}
      {editing && entry.draft ? (
        <ComposeForm
          target={{ service: entry.service, node: entry.node }}
          itemId={entry.itemId}
          initial={entry.draft}
          {...(entry.parent && { parent: entry.parent })}
          onDone={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div class="compose-actions">
          {entry.op === 'publish' && entry.draft ? (
            <button type="button" class="quiet small" onClick={() => setEditing(true)}>
              Edit
            </button>
          ) : null}
          <button
            type="button"
            class="quiet small"
            onClick={() => void rpc.call('outbox.discard', { seq: entry.seq })}
          >
            Discard
          </button>
        </div>
      )}
    </li>
  );
}
