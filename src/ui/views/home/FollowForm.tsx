import { useState } from 'preact/hooks';
import type { NodeAddress } from '../../../shared/protocol';
import { SatchelError } from '../../../shared/SatchelError';
import { parseFollowTarget } from '../../format/parseFollowTarget';
import { navigate } from '../../router/navigation';
import { serviceHref } from '../../router/paths';
import { useRpc } from '../../rpcContext';
import { InlineError, type InlineErrorValue } from '../../components/InlineError';

/** Follow by xmpp: link (`xmpp:service?;node=...`) or a contact's address (their microblog). */
export function FollowForm({ onFollowed }: { onFollowed: (address: NodeAddress) => void }) {
  const rpc = useRpc();
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<InlineErrorValue>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const target = parseFollowTarget(value);
    if (target.kind === 'invalid') {
      setError({ message: target.reason });
      return;
    }
    if (target.kind === 'service') {
      navigate(serviceHref(target.service));
      return;
    }
    setBusy(true);
    try {
      await rpc.call('cache.follow', target.address, 30_000);
      setValue('');
      onFollowed(target.address);
    } catch (e) {
      const failure = SatchelError.from(e);
      setError(failure.toData());
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="follow-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="follow-title"
      noValidate
    >
      <h2 id="follow-title">Follow a feed</h2>
      <label for="follow-target">xmpp: link or contact address</label>
      <div class="inline-field">
        <input
          id="follow-target"
          name="follow-target"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder="xmpp:pubsub.example.org?;node=news or juliet@example.org"
          aria-describedby="follow-help"
          value={value}
          onInput={(e) => {
            setValue(e.currentTarget.value);
          }}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Following…' : 'Follow'}
        </button>
      </div>
      <p id="follow-help" class="muted">
        A contact’s address follows their microblog; a service’s address lets you browse its nodes.
      </p>
      <InlineError error={error} block />
    </form>
  );
}
