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
  const body = text.body !== '' ? text.body : text.summary;
  const field = text.body !== '' ? FIELD_BITS.body : FIELD_BITS.summary;
  if (body !== '') hit.snippet = snippet(body, terms, field);
  if (item.publisher !== undefined) hit.publisher = item.publisher;
  if (item.score !== undefined) hit.score = item.score;
  if (item.parsed === undefined || item.parsed === null) hit.raw = true;
  return hit;
}
