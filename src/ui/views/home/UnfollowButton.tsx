import { useState } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { useRpc } from '../../rpcContext';
import { InlineError } from '../../components/InlineError';
import { errorText } from '../../format/errorText';

/** Unfollow drops the node's cached items, so it asks once more, inline (no modal). */
export function UnfollowButton({
  address,
  label,
  onDone,
}: {
  address: NodeAddress;
  label: string;
  onDone: () => void;
}) {
  const rpc = useRpc();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const unfollow = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await rpc.call('cache.unfollow', address);
      onDone();
    } catch (e) {
      setError(errorText(SatchelError.from(e)));
      setBusy(false);
    }
  };
  if (!confirming)
    return (
      <button
        type="button"
        class="quiet"
        aria-label={`Unfollow ${label}`}
        onClick={() => {
          setConfirming(true);
        }}
      >
        Unfollow
      </button>
    );
  return (
    <span class="confirm" role="group" aria-label={`Unfollow ${label}?`}>
      <span class="muted">Unfollow and forget its cached posts?</span>
      <button type="button" class="danger" disabled={busy} onClick={() => void unfollow()}>
        {busy ? 'Unfollowing…' : 'Unfollow'}
      </button>
      <button
        type="button"
        class="quiet"
        disabled={busy}
        onClick={() => {
          setConfirming(false);
        }}
      >
        Cancel
      </button>
      <InlineError error={error} />
    </span>
  );
}
