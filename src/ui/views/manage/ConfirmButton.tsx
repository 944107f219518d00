import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { SatchelError } from '../../../shared/SatchelError';

interface Props {
  /** The button's label, and the action's name in the confirmation. */
  label: string;
  /** What will happen, asked before a destructive action (no modal: inline, like Unfollow). */
  question?: string;
  busyLabel?: string;
  danger?: boolean;
  disabled?: boolean;
  run: () => Promise<void>;
  onError: (error: SatchelError) => void;
  children?: ComponentChildren;
}

/** A button that runs an action, asking once more first when given a question. */
export function ConfirmButton({
  label,
  question,
  busyLabel,
  danger,
  disabled,
  run,
  onError,
  children,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      await run();
      setConfirming(false);
    } catch (error) {
      onError(SatchelError.from(error));
    } finally {
      setBusy(false);
    }
  };
  if (question === undefined || !confirming)
    return (
      <button
        type="button"
        class={danger && question === undefined ? 'danger' : 'quiet'}
        disabled={disabled === true || busy}
        onClick={() => (question === undefined ? void go() : setConfirming(true))}
      >
        {busy ? (busyLabel ?? label) : (children ?? label)}
      </button>
    );
  return (
    <span class="confirm" role="group" aria-label={`${label}?`}>
      <span class="muted">{question}</span>
      <button
        type="button"
        class={danger ? 'danger' : ''}
        disabled={busy}
        onClick={() => void go()}
      >
        {busy ? (busyLabel ?? label) : `Yes, ${label.toLowerCase()}`}
      </button>
      <button type="button" class="quiet" disabled={busy} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
