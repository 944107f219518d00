import { useState } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { ComposeForm } from './ComposeForm';
import { PendingWrites } from './PendingWrites';
import { useOutbox } from './useOutbox';

/** On the account's own microblog: "New post", and the writes still waiting for this feed. */
export function FeedWriting({ address }: { address: NodeAddress }) {
  const [open, setOpen] = useState(false);
  const entries = useOutbox().filter(
    (e) => e.service === address.service && e.node === address.node && !e.parent,
  );
  return (
    <div class="feed-writing">
      {open ? (
        <ComposeForm
          target={address}
          onDone={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          New post
        </button>
      )}
      <PendingWrites entries={entries} label="Posts waiting to be sent" />
    </div>
  );
}
