import type { Ref } from 'preact';
import type { MicroblogItem } from '../../../shared/microblogTypes';
import type { ItemView, NodeAddress } from '../../../shared/protocol';
import { entryTitle, plainText, titleIsBody } from '../../format/microblogEntry';
import { Byline } from './Byline';
import { CommentsSection } from './CommentsSection';
import { ContentBody } from './ContentBody';
import { Enclosures } from './Enclosures';
import { PostReferences } from './PostReferences';
import { Tags } from './Tags';
import { TextBlock } from './TextBlock';
import { MICROBLOG_NODE } from '../../format/nodeTitle';
import { connection } from '../../state/appState';
import { PostActions } from '../write/PostActions';

interface Props {
  entry: MicroblogItem;
  item: ItemView;
  feed: NodeAddress;
  headingRef: Ref<HTMLHeadingElement>;
}

/** A XEP-0277 post: headline, byline, tags, safe content, attachments, replies and comments. */
export function MicroblogArticle({ entry, item, feed, headingRef }: Props) {
  const statusPost = titleIsBody(entry);
  const title = entryTitle(entry);
  const web =
    entry.alternate && /^https?:\/\//iu.test(entry.alternate) ? entry.alternate : undefined;
  const account = connection.value.account;
  const post = { ...feed, itemId: item.id };
  const own = account !== undefined && feed.service === account && feed.node === MICROBLOG_NODE;
  const summaryShown =
    entry.summary && entry.content && plainText(entry.summary) !== plainText(entry.content);
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
      {own ? <PostActions post={post} entry={entry} item={item} /> : null}
      <PostReferences entry={entry} />
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
      {entry.comments[0] ? (
        <CommentsSection comments={entry.comments[0]} feed={feed} post={post} />
      ) : null}
    </article>
  );
}
