import {
  entryAuthor,
  entryExcerpt,
  entryTime,
  entryTitle,
  type MarkupToText,
} from './microblogEntry';
import type { MicroblogItem } from './microblogTypes';
import type { ItemView } from './protocol';

/** What one list row says about an item: text only, whatever markup the item carries. */
export interface RowSummary {
  title: string;
  excerpt: string;
  byline: string;
  time?: number;
  tags: string[];
  comments: boolean;
  attachments: number;
}

/** The row of a microblog post: the feed's rows in the page, and the worker's pre-rendered ones. */
export function microblogRowSummary(
  entry: MicroblogItem,
  item: ItemView,
  toText: MarkupToText,
): RowSummary {
  const time = entryTime(entry, item);
  return {
    title: entryTitle(entry, toText),
    excerpt: entryExcerpt(entry, toText),
    byline: entryAuthor(entry, item),
    ...(time !== undefined && { time }),
    tags: entry.categories.map((c) => c.label ?? c.term).slice(0, 3),
    comments: entry.comments.length > 0,
    attachments: entry.enclosures.length,
  };
}
