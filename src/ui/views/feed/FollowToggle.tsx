import { useState } from 'preact/hooks';
import type { NodeView } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { useRpc } from '../../rpcContext';
import { InlineError } from '../../components/InlineError';

/** Follow (subscribe, cache, show on home) or unfollow the open feed. */
export function FollowToggle({
  node,
  onChange,
}: {
  node: NodeView;
  onChange: (view: NodeView | null) => void;
}) {
  const rpc = useRpc();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SatchelError>();
  const address = { service: node.service, node: node.node };
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      if (node.followed) {
        await rpc.call('cache.unfollow', address);
        onChange(null);
      } else onChange((await rpc.call('cache.follow', address, 30_000)).node);
    } catch (e) {
      setError(SatchelError.from(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class={node.followed ? 'quiet' : ''}
        aria-pressed={node.followed}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {node.followed ? 'Following' : 'Follow'}
      </button>
      <InlineError error={error} />
    </>
  );
}
