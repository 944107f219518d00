import { useState } from 'preact/hooks';
import type { NodeListEntry } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { Link } from '../../router/Link';
import { feedHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { InlineError } from '../../components/InlineError';

interface Props {
  service: string;
  entry: NodeListEntry & { followed: boolean };
  onFollowed: (followed: boolean) => void;
}

/** A node found by browsing: open it, follow it or unfollow it. */
export function ServiceNodeRow({ service, entry, onFollowed }: Props) {
  const rpc = useRpc();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SatchelError>();
  const address = { service, node: entry.node };
  const label = entry.name ?? entry.node;
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (entry.followed) await rpc.call('cache.unfollow', address);
      else await rpc.call('cache.follow', address, 30_000);
      onFollowed(!entry.followed);
    } catch (e) {
      setError(SatchelError.from(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li class="node-row" data-node={entry.node}>
      <div class="node-main">
        <Link class="node-link" href={feedHref(address)}>
          <span class="node-title">{label}</span>
        </Link>
        {entry.name ? <span class="node-address muted">{entry.node}</span> : null}
        <InlineError error={error} />
      </div>
      <div class="node-actions">
        <button
          type="button"
          class={entry.followed ? 'quiet' : ''}
          disabled={busy}
          aria-pressed={entry.followed}
          aria-label={`Follow ${label}`}
          onClick={() => void toggle()}
        >
          {busy ? '…' : entry.followed ? 'Following' : 'Follow'}
        </button>
      </div>
    </li>
  );
}
