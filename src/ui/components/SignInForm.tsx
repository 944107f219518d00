import { useRef, useState } from 'preact/hooks';
import { errorMessages } from '../format/errorMessages';
import { checkWebsocketUrl, parseAccountJid } from '../../shared/jid';
import { SatchelError } from '../../shared/SatchelError';
import type { RpcErrorData } from '../../shared/protocol';
import { useRpc } from '../rpcContext';
import { signingIn } from '../state/appState';
import { SignInOptions } from './SignInOptions';
import { useWebsocketDiscovery } from './useWebsocketDiscovery';
import { InlineError } from './InlineError';

/**
 * Sign-in: JID, password, WebSocket URL (prefilled by XEP-0156 discovery through the worker,
 * always editable). Every failure is shown on the form with its stable code.
 */
export function SignInForm() {
  const rpc = useRpc();
  const [jid, setJid] = useState('');
  const [password, setPassword] = useState('');
  const [url, setUrl] = useState('');
  const [staySignedIn, setStay] = useState(true);
  const [allowPlain, setAllowPlain] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcErrorData>();
  const urlInput = useRef<HTMLInputElement>(null);
  const discovery = useWebsocketDiscovery(urlInput, setUrl);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (!parseAccountJid(jid)) {
      setError(local('invalid-jid'));
      return;
    }
    if (!checkWebsocketUrl(url)) {
      setError(local('invalid-websocket-url'));
      return;
    }
    setBusy(true);
    signingIn.value = true;
    try {
      await rpc.call(
        'session.signIn',
        { jid, password, websocketUrl: url, staySignedIn, allowPlain },
        45_000,
      );
    } catch (e) {
      setError(SatchelError.from(e).toData());
    } finally {
      setBusy(false);
      signingIn.value = false;
    }
  };

  return (
    <form
      class="card sign-in"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="sign-in-title"
      noValidate
    >
      <h1 id="sign-in-title">Sign in to your XMPP account</h1>
      <label for="jid">XMPP address</label>
      <input
        id="jid"
        name="jid"
        type="email"
        autoComplete="username"
        required
        placeholder="you@example.org"
        value={jid}
        onInput={(e) => setJid(e.currentTarget.value)}
        onBlur={() => void discovery.discover(jid)}
      />
      <label for="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
      />
      <label for="websocket-url">
        WebSocket URL {discovery.discovering ? <span class="muted">(looking it up…)</span> : null}
      </label>
      <input
        id="websocket-url"
        name="websocket-url"
        type="url"
        required
        placeholder="wss://example.org/xmpp-websocket"
        aria-describedby="websocket-help"
        ref={urlInput}
        value={url}
        onInput={(e) => setUrl(e.currentTarget.value)}
      />
      {discovery.suggestion ? (
        <button type="button" class="quiet small url-suggestion" onClick={discovery.accept}>
          Use {discovery.suggestion}
        </button>
      ) : null}
      <p id="websocket-help" class="muted">
        Found automatically when your server publishes it (XEP-0156).
      </p>
      <SignInOptions
        staySignedIn={staySignedIn}
        allowPlain={allowPlain}
        onStay={setStay}
        onAllowPlain={setAllowPlain}
      />
      <InlineError error={error} block />
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

function local(code: 'invalid-jid' | 'invalid-websocket-url'): RpcErrorData {
  return { code, message: errorMessages[code] };
}
