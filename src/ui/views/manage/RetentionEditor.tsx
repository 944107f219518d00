import { useState } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import type { RetentionPolicy } from '../../../shared/records';
import { SatchelError } from '../../../shared/SatchelError';
import { useRpc } from '../../rpcContext';

interface Props {
  at: NodeAddress;
  retention: RetentionPolicy | undefined;
  onChanged: () => void;
  onError: (error: SatchelError) => void;
}

const describe = (r: RetentionPolicy | undefined): string => {
  const parts = [];
  if (r?.maxItems !== undefined) parts.push(`newest ${r.maxItems.toLocaleString()}`);
  if (r?.maxAgeDays !== undefined) parts.push(`${r.maxAgeDays} days`);
  return parts.length === 0 ? 'Keep all' : `Keep ${parts.join(', ')}`;
};

const toNumber = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/** A node's retention: at most N items and/or D days; pinned items always stay. */
export function RetentionEditor({ at, retention, onChanged, onError }: Props) {
  const rpc = useRpc();
  const [editing, setEditing] = useState(false);
  const [maxItems, setMaxItems] = useState(String(retention?.maxItems ?? ''));
  const [maxAgeDays, setMaxAgeDays] = useState(String(retention?.maxAgeDays ?? ''));
  const [busy, setBusy] = useState(false);
  if (!editing)
    return (
      <button
        type="button"
        class="quiet retention-button"
        onClick={() => setEditing(true)}
        title="Change what is kept"
      >
        {describe(retention)}
      </button>
    );
  const save = async () => {
    setBusy(true);
    try {
      const items = toNumber(maxItems);
      const days = toNumber(maxAgeDays);
      const policy: RetentionPolicy = {};
      if (items !== undefined) policy.maxItems = items;
      if (days !== undefined) policy.maxAgeDays = days;
      const empty = items === undefined && days === undefined;
      await rpc.call('cache.setRetention', { ...at, retention: empty ? null : policy });
      setEditing(false);
      onChanged();
    } catch (error) {
      onError(SatchelError.from(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="retention-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        At most{' '}
        <input
          type="number"
          min={0}
          inputMode="numeric"
          value={maxItems}
          onInput={(e) => setMaxItems(e.currentTarget.value)}
        />{' '}
        items
      </label>
      <label>
        At most{' '}
        <input
          type="number"
          min={0}
          inputMode="numeric"
          value={maxAgeDays}
          onInput={(e) => setMaxAgeDays(e.currentTarget.value)}
        />{' '}
        days old
      </label>
      <button type="submit" disabled={busy}>
        Save
      </button>
      <button type="button" class="quiet" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
