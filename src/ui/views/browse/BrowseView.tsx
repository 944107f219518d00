import { useState } from 'preact/hooks';
import { parseJid } from '../../../shared/jid';
import { useRpcQuery } from '../../hooks/useRpcQuery';
import { Link } from '../../router/Link';
import { navigate } from '../../router/navigation';
import { serviceHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { connection } from '../../state/appState';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useViewHeading } from '../common/useViewHeading';
import { InlineError } from '../../components/InlineError';

/** `/browse`: the pubsub services of the user's server (XEP-0030 discovery) and any other by address. */
export function BrowseView() {
  const rpc = useRpc();
  const account = connection.value.account;
  const heading = useViewHeading('Browse services');
  const { state, retry } = useRpcQuery(
    async () => (await rpc.call('pubsub.discoverServices', {}, 20_000)).services,
    [],
  );
  const [service, setService] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: Event) => {
    event.preventDefault();
    const jid = parseJid(service);
    if (!jid || jid.resource !== undefined) {
      setError('Enter a service address such as pubsub.example.org.');
      return;
    }
    navigate(serviceHref(jid.local ? `${jid.local}@${jid.domain}` : jid.domain));
  };
  return (
    <div class="view browse">
      <h1 ref={heading} tabIndex={-1}>
        Browse services
      </h1>
      <section aria-labelledby="services-title">
        <h2 id="services-title">On your server</h2>
        {state.status === 'loading' ? (
          <LoadingState label="Looking for publish-subscribe services…" />
        ) : null}
        {state.status === 'error' ? (
          <ErrorState
            title="Services could not be discovered."
            error={state.error}
            onRetry={retry}
          />
        ) : null}
        {state.status === 'ok' && state.data.length === 0 ? (
          <EmptyState title="Your server announces no publish-subscribe service." />
        ) : null}
        <ul class="node-list" aria-label="Services">
          {state.status === 'ok'
            ? state.data.map((s) => (
                <li key={s.jid} class="node-row">
                  <div class="node-main">
                    <Link class="node-link" href={serviceHref(s.jid)}>
                      {s.name ?? s.jid}
                    </Link>
                    {s.name ? <span class="node-address muted">{s.jid}</span> : null}
                  </div>
                </li>
              ))
            : null}
          {account ? (
            <li class="node-row">
              <div class="node-main">
                <Link class="node-link" href={serviceHref(account)}>
                  Your personal nodes
                </Link>
                <span class="node-address muted">{account} (PEP)</span>
              </div>
            </li>
          ) : null}
        </ul>
      </section>
      <form class="follow-form" onSubmit={submit} aria-labelledby="other-service-title" noValidate>
        <h2 id="other-service-title">Another service</h2>
        <label for="service-address">Service or contact address</label>
        <div class="inline-field">
          <input
            id="service-address"
            type="text"
            autoComplete="off"
            spellcheck={false}
            placeholder="pubsub.example.org"
            value={service}
            onInput={(e) => {
              setService(e.currentTarget.value);
            }}
          />
          <button type="submit">Browse</button>
        </div>
        <InlineError error={error} block />
      </form>
    </div>
  );
}
