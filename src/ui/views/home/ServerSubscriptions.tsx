import { nodeSubtitle, nodeTitle } from '../../format/nodeTitle';
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
 * The nodes the user is subscribed to on their server's pubsub services (XEP-0060 §5.6), e.g.
 * from another client, each with Follow. Listed rather than followed automatically: following
 * syncs every item into this browser's storage, which the user should choose node by node, and
 * Satchel's own unfollow unsubscribes, so the two lists converge as the user decides.
 */
export function ServerSubscriptions({ account, isFollowed, onFollowed }: Props) {
  const { state, refresh } = useServerLookup('pubsub.listSubscriptions', account, 60_000);
  const domain = account.split('@')[1] ?? account;
  return (
    <section
      class="home-section"
      aria-labelledby="server-subs-title"
      aria-busy={state.status === 'loading'}
    >
      <div class="section-header">
        <h2 id="server-subs-title">Subscribed on your server</h2>
        <button type="button" class="quiet" onClick={refresh} disabled={state.status === 'loading'}>
          Check again
        </button>
      </div>
      {state.status === 'loading' ? (
        <LoadingState label={`Asking ${domain} for your subscriptions…`} />
      ) : null}
      {state.status === 'error' ? (
        <ErrorState
          title="Your subscriptions could not be listed."
          error={state.error}
          onRetry={refresh}
        />
      ) : null}
      {state.status === 'ok' && state.data.subscriptions.length === 0 ? (
        <EmptyState title={`No subscriptions on ${domain}’s pubsub services.`} />
      ) : null}
      {state.status === 'ok' && state.data.subscriptions.length > 0 ? (
        <ul class="node-list" aria-label="Subscriptions on your server">
          {state.data.subscriptions.map((s) => (
            <SuggestionRow
              key={`${s.service}\n${s.node}`}
              address={s}
              title={nodeTitle(s, account)}
              subtitle={nodeSubtitle(s, account)}
              followed={isFollowed(s)}
              onFollowed={onFollowed}
            >
              {s.state === 'subscribed' ? null : (
                <span class="muted node-meta">Subscription {s.state}</span>
              )}
            </SuggestionRow>
          ))}
        </ul>
      ) : null}
      {state.status === 'ok' ? (
        <LookupFailures failures={state.data.failures} what="Services" />
      ) : null}
    </section>
  );
}
