import type { MicroblogItem } from '../../../shared/microblogTypes';
import { parseXmppUri } from '../../../shared/parseXmppUri';
import { Link } from '../../router/Link';
import { itemHref } from '../../router/paths';

/** Where an xmpp: link to a pubsub item points inside the app, if it names one. */
function internalItemHref(href: string | undefined): string | undefined {
  const uri = href ? parseXmppUri(href) : null;
  return uri?.node && uri.item
    ? itemHref({ service: uri.jid, node: uri.node }, uri.item)
    : undefined;
}

/** What the post answers (RFC 4685 in-reply-to) or repeats (XEP-0277 §7, rel="via"). */
export function PostReferences({ entry }: { entry: MicroblogItem }) {
  const reply = entry.inReplyTo[0];
  const replyHref = reply?.target?.item
    ? itemHref(reply.target, reply.target.item)
    : internalItemHref(reply?.href);
  const via = entry.links.find((link) => link.rel === 'via');
  const viaHref = internalItemHref(via?.href);
  if (!reply && !via) return null;
  return (
    <>
      {reply ? (
        <p class="notice">
          In reply to{' '}
          {replyHref ? <Link href={replyHref}>another post</Link> : <code>{reply.ref}</code>}
        </p>
      ) : null}
      {via ? (
        <p class="notice">
          Repeated from{' '}
          {viaHref ? <Link href={viaHref}>the original post</Link> : <code>{via.href}</code>}
        </p>
      ) : null}
    </>
  );
}
