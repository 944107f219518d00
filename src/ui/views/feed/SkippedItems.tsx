import type { NodeView } from '../../../shared/protocol';
import { skippedSummary } from '../../format/skippedSummary';
import { RelativeTime } from '../common/RelativeTime';

/**
 * The node's items that were received but not stored, and why (issue 15): a line that opens
 * onto the latest of them. Ids come from whoever published the item: they are text nodes only,
 * each in a <bdi> so a bidi override in one cannot reorder the reason beside it, and they wrap
 * anywhere (styles.css) so a long one cannot widen a narrow screen.
 */
export function SkippedItems({ skipped }: { skipped: NodeView['skipped'] }) {
  if (!skipped || skipped.count === 0) return null;
  const newestFirst = [...skipped.latest].reverse();
  return (
    <details class="skipped-items" data-testid="skipped-items">
      <summary>{skippedSummary(skipped.count)}</summary>
      <p class="muted small">
        The server sent them but Satchel could not keep them; the rest of this feed is stored.
        {skipped.count > newestFirst.length ? ` The latest ${newestFirst.length} are listed.` : ''}
      </p>
      <ul class="skipped-list">
        {newestFirst.map((item, index) => (
          <li key={`${index}:${item.itemId ?? ''}`} data-testid="skipped-item">
            {item.itemId === undefined ? (
              <span class="muted">An item without a usable id</span>
            ) : (
              <bdi class="skipped-id">{item.itemId}</bdi>
            )}
            : <span class="skipped-reason">{item.reason}</span>{' '}
            <span class="muted">
              (<RelativeTime at={item.at} />)
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
