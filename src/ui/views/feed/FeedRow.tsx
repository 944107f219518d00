import { memo } from 'preact/compat';
import type { ItemView, NodeAddress } from '../../../shared/protocol';
import { plural } from '../../format/count';
import { formatDateTime, formatDay } from '../../format/relativeTime';
import { rowSummary } from '../../format/rowSummary';
import { Link } from '../../router/Link';
import { itemHref } from '../../router/paths';
import { now } from '../../state/clock';

interface Props {
  address: NodeAddress;
  item: ItemView;
  index: number;
  total: number;
  microblog: boolean;
  removed: boolean;
  focusable: boolean;
}

/** One item of the feed list, in the fixed-height slot of its index (see feedGeometry). */
export const FeedRow = memo(function FeedRow({
  address,
  item,
  index,
  total,
  microblog,
  removed,
  focusable,
}: Props) {
  const row = rowSummary(item, microblog);
  const titleId = `row-title-${index}`;
  const unread = item.read === false;
  return (
    <article
      class={`feed-row${unread ? ' unread' : ''}${removed ? ' removed' : ''}`}
      style={{ '--i': String(index) }}
      aria-posinset={index + 1}
      aria-setsize={total}
      aria-labelledby={titleId}
      data-index={index}
      data-item-id={item.id}
      data-read={unread ? 'false' : 'true'}
    >
      <h2 class="row-title" id={titleId}>
        {unread ? <span class="unread-dot" role="img" aria-label="Unread" /> : null}
        <Link class="row-link" href={itemHref(address, item.id)} tabIndex={focusable ? 0 : -1}>
          {removed ? 'This post was removed' : row.title}
        </Link>
      </h2>
      {row.time !== undefined ? (
        <time
          class="row-time"
          dateTime={new Date(row.time).toISOString()}
          title={formatDateTime(row.time)}
        >
          {formatDay(row.time, now.peek())}
        </time>
      ) : null}
      <p class="row-excerpt">{removed ? '' : row.excerpt}</p>
      <p class="row-meta">
        <span class="row-byline">{row.byline}</span>
        {row.tags.map((tag) => (
          <span key={tag} class="tag">
            #{tag}
          </span>
        ))}
        {row.comments ? <span class="row-flag">Comments</span> : null}
        {row.attachments > 0 ? (
          <span class="row-flag">{plural(row.attachments, 'attachment')}</span>
        ) : null}
      </p>
    </article>
  );
});
