import type { LookupFailure } from '../../../shared/protocol';
import { errorText } from '../../format/errorText';

/** The services or contacts a home lookup could not ask, each with the reason, as a warning. */
export function LookupFailures({ failures, what }: { failures: LookupFailure[]; what: string }) {
  if (failures.length === 0) return null;
  return (
    <div class="lookup-failures" role="alert">
      <p class="warning">{what} that could not be checked:</p>
      <ul>
        {failures.map((f) => (
          <li key={f.jid} data-jid={f.jid} data-code={f.error.code}>
            {f.jid}: {errorText(f.error)}
            {f.error.detail ? <span class="muted"> ({f.error.detail})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
