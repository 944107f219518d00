import type { ComponentChildren } from 'preact';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/giu;

/** Plain text with its web addresses made into links (new context, no referrer). */
function linkify(text: string): ComponentChildren[] {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <a
        href={match[0]}
        target="_blank"
        rel="noopener noreferrer nofollow"
        referrerpolicy="no-referrer"
      >
        {match[0]}
      </a>,
    );
    last = start + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Text content (RFC 4287 type="text") as text: paragraphs on blank lines, line breaks kept. */
export function TextBlock({ text, lang }: { text: string; lang?: string | undefined }) {
  const paragraphs = text.trim().split(/\n\s*\n/u);
  return (
    <div class="text-content" lang={lang}>
      {paragraphs.map((paragraph, n) => (
        <p key={n}>{linkify(paragraph)}</p>
      ))}
    </div>
  );
}
