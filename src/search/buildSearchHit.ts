/**
 * What a page shows of a search result: the title and a snippet around the first match, with
 * the matching words as ranges (rendered as text spans, never as markup). Items without parsed
 * data get theirs from the raw XML's character data.
 */
import type { ItemRecord } from '../shared/records';
import type { SearchHit } from '../shared/searchQuery';
import { highlightWhole, snippet } from './highlight';
import { itemSearchText } from './itemSearchText';
import type { QueryTerm } from './parseSearchText';
import { FIELD_BITS } from './searchTermKeys';

export function buildSearchHit(
  item: ItemRecord & { score?: number },
  terms: readonly QueryTerm[],
): SearchHit {
  const text = itemSearchText(item);
  const hit: SearchHit = {
    service: item.service,
    node: item.node,
    id: item.itemId,
    created: item.created,
    updated: item.updated,
    pinned: item.pinned === 1,
    read: item.read === 1,
  };
  if (text.title !== '') hit.title = highlightWhole(text.title, terms, FIELD_BITS.title);
  // The snippet shows where the words matched: the body, else the summary, tags or authors
  // (each is tokenized only when the one before showed no match).
  const parts = [
    [text.body, FIELD_BITS.body],
    [text.summary, FIELD_BITS.summary],
    [text.tags, FIELD_BITS.tags],
    [text.author, FIELD_BITS.author],
  ] as const;
  for (const [value, field] of parts) {
    if (value === '') continue;
    const candidate = snippet(value, terms, field);
    hit.snippet ??= candidate;
    if (candidate.marks.length > 0 || (hit.title?.marks.length ?? 0) > 0) {
      if (candidate.marks.length > 0) hit.snippet = candidate;
      break;
    }
  }
  if (item.publisher !== undefined) hit.publisher = item.publisher;
  if (item.score !== undefined) hit.score = item.score;
  if (item.parsed === undefined || item.parsed === null) hit.raw = true;
  return hit;
}
