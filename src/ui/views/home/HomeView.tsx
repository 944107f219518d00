import { useState } from 'preact/hooks';
import type { SatchelError } from '../../../shared/SatchelError';
import { MICROBLOG_NODE } from '../../format/nodeTitle';
import { Link } from '../../router/Link';
import { browseHref } from '../../router/paths';
import { connection } from '../../state/appState';
import { EmptyState } from '../common/EmptyState';
import { ErrorState } from '../common/ErrorState';
import { LoadingState } from '../common/LoadingState';
import { useViewHeading } from '../common/useViewHeading';
import { FollowForm } from './FollowForm';
import { FollowedNodeRow } from './FollowedNodeRow';
import { LazyHomeSuggestions } from './LazyHomeSuggestions';
import { OwnMicroblogOffer } from './OwnMicroblogOffer';
import { useFollowedNodes } from './useFollowedNodes';

/** `/`: the followed nodes with unread counts and freshness, and ways to follow more: the
 * user's server subscriptions and contacts' microblogs (lazily loaded), the follow form. */
export function HomeView() {
  const account = connection.value.account;
  const { state, retry, reload } = useFollowedNodes();
  const [actionError, setActionError] = useState<SatchelError>();
  const heading = useViewHeading('Your feeds');
  const nodes = state.status === 'ok' ? state.data : [];
  const followsOwn = nodes.some((n) => n.service === account && n.node === MICROBLOG_NODE);

  return (
    <div class="view home">
      <div class="view-header">
        <h1 ref={heading} tabIndex={-1}>
          Your feeds
        </h1>
        <Link class="button quiet" href={browseHref()}>
          Browse services
        </Link>
      </div>
      {state.status === 'loading' ? <LoadingState label="Loading your feeds…" /> : null}
      {state.status === 'error' ? (
        <ErrorState title="Your feeds could not be loaded." error={state.error} onRetry={retry} />
      ) : null}
      {actionError ? (
        <ErrorState
          title="That did not work."
          error={actionError}
          onRetry={() => {
            setActionError(undefined);
          }}
        />
      ) : null}
      {state.status === 'ok' && nodes.length === 0 ? (
        <EmptyState title="You follow no feeds yet.">
          <p class="muted">
            Follow your own microblog, a contact’s, or any node by its xmpp: link.
          </p>
        </EmptyState>
      ) : null}
      {nodes.length > 0 ? (
        <ul class="node-list" aria-label="Followed feeds">
          {nodes.map((node) => (
            <FollowedNodeRow
              key={`${node.service}\n${node.node}`}
              node={node}
              account={account}
              onChanged={reload}
              onError={setActionError}
            />
          ))}
        </ul>
      ) : null}
      {state.status === 'ok' && account && !followsOwn ? (
        <OwnMicroblogOffer account={account} onFollowed={reload} />
      ) : null}
      {state.status === 'ok' && account ? (
        <LazyHomeSuggestions account={account} followed={nodes} onFollowed={reload} />
      ) : null}
      <FollowForm onFollowed={reload} />
    </div>
  );
}
