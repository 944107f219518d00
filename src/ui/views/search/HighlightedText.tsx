import type { Highlighted } from '../../../shared/searchQuery';

/** Text with its matching words in <mark>: plain text nodes only, never markup from an item. */
export function HighlightedText({ value }: { value: Highlighted }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of value.marks) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(<mark key={start}>{value.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}
