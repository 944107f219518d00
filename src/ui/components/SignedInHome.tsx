import { useState } from 'preact/hooks';
import { SatchelError } from '../../shared/SatchelError';
import { connection } from '../state/appState';
import { useRpc } from '../rpcContext';

/** Placeholder home until the reader lands: who is signed in, and signing out. */
export function SignedInHome() {
  const rpc = useRpc();
  const [error, setError] = useState<string>();
  const state = connection.value;
  const signOut = async () => {
    try {
      await rpc.call('session.signOut', {});
    } catch (e) {
      setError(SatchelError.from(e).message);
    }
  };
  return (
    <section aria-labelledby="home-title" class="card">
      <h1 id="home-title">Your feeds</h1>
      <p>
        Signed in as <strong data-testid="account">{state.account}</strong>
        {state.boundJid ? <span class="muted"> ({state.boundJid})</span> : null}
        {state.staySignedIn ? <span class="muted"> · stays signed in</span> : null}
      </p>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
