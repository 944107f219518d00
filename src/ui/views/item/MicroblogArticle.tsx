import type { Ref } from 'preact';
import type { MicroblogItem } from '../../../shared/microblogTypes';
import { parseXmppUri } from '../../../shared/parseXmppUri';
import type { ItemView, NodeAddress } from '../../../shared/protocol';
import { entryTitle, plainText, titleIsBody } from '../../format/microblogEntry';
import { Link } from '../../router/Link';
import { itemHref } from '../../router/paths';
import { Byline } from './Byline';
import { CommentsSection } from './CommentsSection';
import { ContentBody } from './ContentBody';
import { Enclosures } from './Enclosures';
import { Tags } from './Tags';
import { TextBlock } from './TextBlock';

interface Props {
  entry: MicroblogItem;
  item: ItemView;
  feed: NodeAddress;
  headingRef: Ref<HTMLHeadingElement>;
}

/** Where an xmpp: link to a pubsub item points inside the app, if it names one. */
function internalItemHref(href: string | undefined): string | undefined {
  const uri = href ? parseXmppUri(href) : null;
  return uri?.node && uri.item
    ? itemHref({ service: uri.jid, node: uri.node }, uri.item)
    : undefined;
}

/** A XEP-0277 post: headline, byline, tags, safe content, attachments, replies and comments. */
export function MicroblogArticle({ entry, item, feed, headingRef }: Props) {
  const statusPost = titleIsBody(entry);
  const title = entryTitle(entry);
  const web =
    entry.alternate && /^https?:\/\//iu.test(entry.alternate) ? entry.alternate : undefined;
  const summaryShown =
    entry.summary && entry.content && plainText(entry.summary) !== plainText(entry.content);
  const replyTo = entry.inReplyTo[0];
  const replyHref = replyTo?.target?.item
    ? itemHref(replyTo.target, replyTo.target.item)
    : internalItemHref(replyTo?.href);
  return (
    <article class="post" aria-labelledby="post-title" lang={entry.lang}>
      <header>
        <h1
          id="post-title"
          ref={headingRef}
          tabIndex={-1}
          class={title.length > 120 ? 'long-title' : undefined}
        >
          {statusPost && title.length > 90 ? `${title.slice(0, 89)}…` : title}
        </h1>
        <Byline entry={entry} item={item} />
        <Tags categories={entry.categories} />
      </header>
      {replyTo ? (
        <p class="notice">
          In reply to{' '}
          {replyHref ? <Link href={replyHref}>another post</Link> : <code>{replyTo.ref}</code>}
        </p>
      ) : null}
      <div class="post-body">
        {statusPost ? <TextBlock text={plainText(entry.title)} lang={entry.title?.lang} /> : null}
        {summaryShown && entry.summary ? (
          <div class="summary">
            <ContentBody content={entry.summary} feed={feed} />
          </div>
        ) : null}
        {entry.content ? (
          <ContentBody content={entry.content} feed={feed} />
        ) : entry.summary ? (
          <ContentBody content={entry.summary} feed={feed} />
        ) : null}
      </div>
      <Enclosures enclosures={entry.enclosures} />
      {web ? (
        <p class="small">
          <a
            href={web}
            target="_blank"
            rel="noopener noreferrer nofollow"
            referrerpolicy="no-referrer"
          >
            Open the original page
          </a>
        </p>
      ) : null}
      {entry.comments[0] ? <CommentsSection comments={entry.comments[0]} feed={feed} /> : null}
    </article>
  );
}
