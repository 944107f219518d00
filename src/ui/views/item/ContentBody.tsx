import type { AtomText } from '../../../shared/microblogTypes';
import type { NodeAddress } from '../../../shared/protocol';
import { LazySafeHtml } from './LazySafeHtml';
import { TextBlock } from './TextBlock';

/** An Atom text construct or content (RFC 4287 §3.1, §4.1.3) rendered by its type. */
export function ContentBody({ content, feed }: { content: AtomText; feed: NodeAddress }) {
  if (content.type === 'html' || content.type === 'xhtml')
    return <LazySafeHtml markup={content.value} feed={feed} lang={content.lang} />;
  if (content.type === 'text') return <TextBlock text={content.value} lang={content.lang} />;
  if (content.src) {
    const safe = /^https?:\/\//iu.test(content.src);
    return (
      <p class="muted">
        The content is elsewhere{content.mediaType ? ` (${content.mediaType})` : ''}:{' '}
        {safe ? (
          <a
            href={content.src}
            target="_blank"
            rel="noopener noreferrer nofollow"
            referrerpolicy="no-referrer"
          >
            {content.src}
          </a>
        ) : (
          <code>{content.src}</code>
        )}
      </p>
    );
  }
  if (content.mediaType?.startsWith('text/') && content.encoding !== 'base64')
    return <TextBlock text={content.value} />;
  return (
    <p class="muted">
      This post’s content is of type {content.mediaType ?? 'unknown'}, which Satchel does not
      display.
    </p>
  );
}
