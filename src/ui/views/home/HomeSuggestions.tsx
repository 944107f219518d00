import type { NodeAddress, NodeView } from '../../../shared/protocol';
import { connection } from '../../state/appState';
import { ContactMicroblogs } from './ContactMicroblogs';
import { ServerSubscriptions } from './ServerSubscriptions';

interface Props {
  account: string;
  /** The followed nodes, as home lists them: a suggestion already followed says so. */
  followed: NodeView[];
  onFollowed: () => void;
}

/**
 * What the user follows elsewhere, offered on home (issue 5): their server-side subscriptions
 * and their contacts' microblogs. Both are asked of the server, so they need the session;
 * offline, home says so and shows the followed (cached) feeds only.
 */
export function HomeSuggestions({ account, followed, onFollowed }: Props) {
  if (connection.value.status !== 'online')
    return (
      <p class="muted home-offline-note">
        Your server subscriptions and contacts’ microblogs are listed here when you are online.
      </p>
    );
  const isFollowed = (a: NodeAddress) =>
    followed.some((n) => n.service === a.service && n.node === a.node);
  return (
    <>
      <ServerSubscriptions account={account} isFollowed={isFollowed} onFollowed={onFollowed} />
      <ContactMicroblogs account={account} isFollowed={isFollowed} onFollowed={onFollowed} />
    </>
  );
}
