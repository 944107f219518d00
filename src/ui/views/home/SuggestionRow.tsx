import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { Link } from '../../router/Link';
import { feedHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { InlineError } from '../../components/InlineError';

interface Props {
  address: NodeAddress;
  /** The row's name, also what the Follow button is labelled with for screen readers. */
  title: string;
  subtitle: string;
  followed: boolean;
  onFollowed: () => void;
  children?: ComponentChildren;
}

/**
 * A node the user could follow: Follow goes through `cache.follow`, like the follow form, so it
 * syncs like any other node and joins the followed list. A followed one stays in place (the
 * list does not jump under the keyboard) and links to its feed instead.
 */
export function SuggestionRow({ address, title, subtitle, followed, onFollowed, children }: Props) {
  const rpc = useRpc();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SatchelError>();
  const follow = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // Only the address: the RPC refuses keys it does not expect (a subscription's state).
      await rpc.call('cache.follow', { service: address.service, node: address.node }, 30_000);
      onFollowed();
    } catch (e) {
      setError(SatchelError.from(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="suggestion-row" data-node={address.node} data-service={address.service}>
      <div class="node-main">
        <span class="node-title">{title}</span>
        <span class="node-address muted">{subtitle}</span>
        {children}
        <InlineError error={error} />
      </div>
      <div class="node-actions">
        {followed ? (
          <Link
            class="button quiet"
            href={feedHref(address)}
            aria-label={`Following ${title}: open its feed`}
          >
            Following
          </Link>
        ) : (
          <button
            type="button"
            disabled={busy}
            aria-label={`Follow ${title}`}
            onClick={() => void follow()}
          >
            {busy ? 'Following…' : 'Follow'}
          </button>
        )}
      </div>
    </li>
  );
}
