import { plural } from '../../format/count';
import { MICROBLOG_NODE } from '../../format/nodeTitle';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { LookupFailures } from './LookupFailures';
import { SuggestionRow } from './SuggestionRow';
import { useServerLookup } from './useServerLookup';

interface Props {
  account: string;
  isFollowed: (address: { service: string; node: string }) => boolean;
  onFollowed: () => void;
}

/**
 * The user's contacts (their roster, RFC 6121 §2) who have a microblog the user can read
 * (XEP-0277 §3: node `urn:xmpp:microblog:0` on the contact's bare JID), each with Follow.
 */
export function ContactMicroblogs({ account, isFollowed, onFollowed }: Props) {
  // One request per contact, four at a time, each up to 8 s in the worker: allow for a roster.
  const { state, refresh } = useServerLookup('contacts.listMicroblogs', account, 120_000);
  const data = state.status === 'ok' ? state.data : undefined;
  return (
    <section
      class="home-section"
      aria-labelledby="contact-blogs-title"
      aria-busy={state.status === 'loading'}
    >
      <div class="section-header">
        <h2 id="contact-blogs-title">Contacts’ microblogs</h2>
        <button type="button" class="quiet" onClick={refresh} disabled={state.status === 'loading'}>
          Check again
        </button>
      </div>
      {state.status === 'loading' ? <LoadingState label="Checking your contacts…" /> : null}
      {state.status === 'error' ? (
        <ErrorState
          title="Your contacts could not be checked."
          error={state.error}
          onRetry={refresh}
        />
      ) : null}
      {data && data.contacts.length === 0 ? (
        <EmptyState title="None of your contacts has a microblog you can read." />
      ) : null}
      {data && data.contacts.length > 0 ? (
        <ul class="node-list" aria-label="Contacts’ microblogs">
          {data.contacts.map((c) => {
            const address = { service: c.jid, node: MICROBLOG_NODE };
            return (
              <SuggestionRow
                key={c.jid}
                address={address}
                title={c.name ?? c.jid}
                subtitle={c.name ? c.jid : 'Microblog'}
                followed={isFollowed(address)}
                onFollowed={onFollowed}
              />
            );
          })}
        </ul>
      ) : null}
      {data && data.hidden > 0 ? (
        <p class="muted" data-testid="hidden-contacts">
          {plural(data.hidden, 'contact')} whose presence you do not see{' '}
          {data.hidden === 1
            ? 'shares no microblog with you or has'
            : 'share no microblog with you or have'}{' '}
          none.
        </p>
      ) : null}
      {data && data.unchecked > 0 ? (
        <p class="muted">
          {plural(data.unchecked, 'more contact')} not checked (the list stops at 200).
        </p>
      ) : null}
      {data ? <LookupFailures failures={data.failures} what="Contacts" /> : null}
    </section>
  );
}
