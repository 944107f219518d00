import { useState } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { MICROBLOG_NODE } from '../../format/nodeTitle';
import { useRpc } from '../../rpcContext';
import { InlineError } from '../../components/InlineError';

/** The signed-in user's own XEP-0277 microblog (service = their bare JID), offered until followed. */
export function OwnMicroblogOffer({
  account,
  onFollowed,
}: {
  account: string;
  onFollowed: (a: NodeAddress) => void;
}) {
  const rpc = useRpc();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SatchelError>();
  const address = { service: account, node: MICROBLOG_NODE };
  const follow = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await rpc.call('cache.follow', address, 30_000);
      onFollowed(address);
    } catch (e) {
      setError(SatchelError.from(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="offer" aria-labelledby="own-blog-title">
      <div>
        <h2 id="own-blog-title">Your microblog</h2>
        <p class="muted">Keep your own posts ({account}) at hand, offline too.</p>
        <InlineError error={error} block />
      </div>
      <button type="button" disabled={busy} onClick={() => void follow()}>
        {busy ? 'Following…' : 'Follow your microblog'}
      </button>
    </section>
  );
}
