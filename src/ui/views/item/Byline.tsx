import type { MicroblogItem } from '../../../shared/microblogTypes';
import type { ItemView } from '../../../shared/protocol';
import { entryAuthor, entryTime } from '../../format/microblogEntry';
import { formatDateTime } from '../../format/relativeTime';

/** Who wrote it and when (published, and updated when later), with the XEP-0277 §8 warning
 * when the publisher is not one of the authors it names. */
export function Byline({ entry, item }: { entry: MicroblogItem; item: ItemView }) {
  const published = entryTime(entry, item);
  const updated = entry.updated?.ms;
  const jids = entry.authors.map((a) => a.jid).filter((jid): jid is string => jid !== undefined);
  return (
    <div class="byline">
      <span class="author">{entryAuthor(entry, item)}</span>
      {jids.length > 0 ? <span class="muted"> {jids.join(', ')}</span> : null}
      {published !== undefined ? (
        <>
          <span aria-hidden="true"> · </span>
          <time dateTime={new Date(published).toISOString()}>{formatDateTime(published)}</time>
        </>
      ) : null}
      {updated !== undefined && published !== undefined && updated - published > 60_000 ? (
        <span class="muted">
          {' '}
          (updated <time dateTime={new Date(updated).toISOString()}>{formatDateTime(updated)}</time>
          )
        </span>
      ) : null}
      {entry.authorVerified === false ? (
        <p class="warning" role="note">
          Published by {item.publisher ?? 'someone else'}, who is not the author this post names.
        </p>
      ) : null}
    </div>
  );
}
