import { useMemo } from 'preact/hooks';
import type { ItemView } from '../../../shared/protocol';
import { formatDateTime } from '../../format/relativeTime';
import { prettyXml } from '../../format/prettyXml';

/** Any node's item as readable XML: escaped text in a <pre>, never markup. */
export function RawItem({ item, note }: { item: ItemView; note?: string | undefined }) {
  const text = useMemo(() => prettyXml(item.xml), [item.xml]);
  return (
    <>
      <dl class="facts">
        {item.publisher ? (
          <>
            <dt>Publisher</dt>
            <dd>{item.publisher}</dd>
          </>
        ) : null}
        {item.created !== undefined ? (
          <>
            <dt>Published</dt>
            <dd>{formatDateTime(item.created)}</dd>
          </>
        ) : null}
      </dl>
      {note ? <p class="notice">{note}</p> : null}
      {item.parseError ? (
        <p class="notice" data-testid="parse-error">
          This item could not be read as a post: {item.parseError}
        </p>
      ) : null}
      <pre class="raw-xml" tabIndex={0} aria-label="Item XML" data-testid="raw-xml">
        {text}
      </pre>
    </>
  );
}
