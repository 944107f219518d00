import { useState } from 'preact/hooks';
import { SatchelError } from '../../shared/SatchelError';
import { useRpc } from '../rpcContext';
import { connection } from '../state/appState';
import { InlineError } from './InlineError';
import { errorText } from '../format/errorText';

/** Who is signed in, and signing out. */
export function AccountMenu() {
  const rpc = useRpc();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const state = connection.value;
  if (!state.account || state.status === 'signedOut') return null;
  const signOut = async () => {
    setBusy(true);
    try {
      await rpc.call('session.signOut', {});
    } catch (e) {
      setError(errorText(SatchelError.from(e)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="account">
      <span class="visually-hidden" data-testid="account" title={state.boundJid}>
        {state.account}
      </span>
      <button type="button" class="quiet small" disabled={busy} onClick={() => void signOut()}>
        Sign out
      </button>
      <InlineError error={error} />
    </div>
  );
}
