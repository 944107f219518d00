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
export function CommentView({
  item,
  feed,
  onDelete,
}: {
  item: ItemView;
  feed: NodeAddress;
  /** The reader's own comment: deleting it goes through the outbox (XEP-0060 §7.2). */
  onDelete?: () => Promise<void>;
}) {
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
      {onDelete ? (
        <button type="button" class="quiet small" onClick={() => void onDelete()}>
          Delete
        </button>
      ) : null}
    </li>
  );
}
