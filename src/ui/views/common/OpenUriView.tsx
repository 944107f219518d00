import { useEffect } from 'preact/hooks';
import { navigate } from '../../router/navigation';
import { hrefForXmppUri } from '../../router/openXmppUri';

/** /open?uri=xmpp:... — replaces itself with the view the URI names, or says it cannot. */
export function OpenUriView({ uri }: { uri: string }) {
  const href = hrefForXmppUri(uri);
  useEffect(() => {
    if (href) navigate(href, { replace: true });
  }, [href]);
  if (href) return null;
  return (
    <section class="card" aria-labelledby="open-title">
      <h1 id="open-title">Cannot open this link</h1>
      <p>
        <code>{uri || '(empty)'}</code> is not an XMPP address or node Satchel can show.
      </p>
    </section>
  );
}
