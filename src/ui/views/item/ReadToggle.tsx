import { useState } from 'preact/hooks';
import { SatchelError } from '../../../shared/SatchelError';
import { InlineError } from '../../components/InlineError';

/** Read state of a cached item: it was marked read on opening; it can be marked unread again. */
export function ReadToggle({
  read,
  onChange,
}: {
  read: boolean | undefined;
  onChange: (read: boolean) => Promise<void>;
}) {
  const [error, setError] = useState<SatchelError>();
  if (read === undefined) return null; // not cached: no read state
  const toggle = () =>
    onChange(!read).catch((e: unknown) => {
      setError(SatchelError.from(e));
    });
  return (
    <div class="item-tools">
      <span class="muted small" data-testid="read-state">
        {read ? 'Read' : 'Unread'}
      </span>
      <button type="button" class="quiet small" onClick={() => void toggle()}>
        {read ? 'Mark as unread' : 'Mark as read'}
      </button>
      <InlineError error={error} />
    </div>
  );
}
