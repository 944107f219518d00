import type { ItemView, NodeAddress } from '../../../shared/protocol';
import {
  asMicroblogItem,
  entryAuthor,
  entryTime,
  plainText,
  titleIsBody,
} from '../../format/microblogEntry';
import { RelativeTime } from '../common/RelativeTime';
import { ContentBody } from './ContentBody';
import { TextBlock } from './TextBlock';

/** One XEP-0277 comment: author, time and content, sanitized like posts. */
export function CommentView({ item, feed }: { item: ItemView; feed: NodeAddress }) {
  const entry = asMicroblogItem(item);
  if (!entry) {
    return (
      <li class="comment">
        <p class="muted">
          A comment that could not be read ({item.parseError ?? 'not an Atom entry'}).
        </p>
      </li>
    );
  }
  const time = entryTime(entry, item);
  const body = entry.content ?? entry.summary;
  return (
    <li class="comment" data-item-id={item.id}>
      <p class="comment-meta">
        <span class="author">{entryAuthor(entry, item)}</span>
        {time !== undefined ? (
          <>
            <span aria-hidden="true"> · </span>
            <RelativeTime at={time} />
          </>
        ) : null}
      </p>
      {titleIsBody(entry) ? (
        <TextBlock text={plainText(entry.title)} />
      ) : body ? (
        <ContentBody content={body} feed={feed} />
      ) : null}
    </li>
  );
}
