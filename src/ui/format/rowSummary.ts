import type { ItemView } from '../../shared/protocol';
import { genericSummary } from './genericItem';
import {
  asMicroblogItem,
  entryAuthor,
  entryExcerpt,
  entryTime,
  entryTitle,
} from './microblogEntry';

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

export function rowSummary(item: ItemView, microblog: boolean): RowSummary {
  const entry = microblog ? asMicroblogItem(item) : undefined;
  if (entry) {
    const time = entryTime(entry, item);
    return {
      title: entryTitle(entry),
      excerpt: entryExcerpt(entry),
      byline: entryAuthor(entry, item),
      ...(time !== undefined && { time }),
      tags: entry.categories.map((c) => c.label ?? c.term).slice(0, 3),
      comments: entry.comments.length > 0,
      attachments: entry.enclosures.length,
    };
  }
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
