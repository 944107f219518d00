import { microblogRowSummary, type RowSummary } from '../../shared/microblogRowSummary';
import type { ItemView } from '../../shared/protocol';
import { markupToText } from '../safety/markupToText';
import { genericSummary } from './genericItem';
import { asMicroblogItem } from './microblogEntry';

export type { RowSummary } from '../../shared/microblogRowSummary';

export function rowSummary(item: ItemView, microblog: boolean): RowSummary {
  const entry = microblog ? asMicroblogItem(item) : undefined;
  if (entry) return microblogRowSummary(entry, item, markupToText);
  // Not a post (or its parse failed): read from the raw XML, which needs the page's DOM.
  const { title, payload, text } = genericSummary(item);
  return {
    title: title ?? item.id,
    excerpt: text,
    byline: item.publisher ? `${payload} · ${item.publisher}` : payload,
    ...(item.created !== undefined && { time: item.created }),
    tags: [],
    comments: false,
    attachments: 0,
  };
}
