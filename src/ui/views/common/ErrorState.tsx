import type { SatchelError } from '../../../shared/SatchelError';
import { errorText } from '../../format/errorText';

interface Props {
  title: string;
  error: SatchelError;
  onRetry?: () => void;
}

/** A failure as the user should see it: what failed, the RPC's message and code, and a retry. */
export function ErrorState({ title, error, onRetry }: Props) {
  return (
    <div class="state state-error" role="alert" data-code={error.code}>
      <p class="state-title">{title}</p>
      <p class="muted">{errorText(error)}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
