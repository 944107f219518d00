import type { FieldCondition } from '../../../src/shared/itemQuery';
import type { NodeAddress, SearchParams } from '../../../src/shared/protocol';
import { COMMON_CATEGORY, COMMON_WORD, RARE_CATEGORY, RARE_WORD } from '../lib/benchItems';

/** One timed query: an RPC method and its params. */
export interface SearchCase {
  name: string;
  kind: 'full text' | 'parsed field';
  method: 'search.query' | 'pubsub.getItems';
  params: unknown;
}

/**
 * The queries, each limited to one node, newest or best 20 first. Full text and parsed fields
 * through `search.query` (schema v3's word and facet indexes); one parsed-field query also
 * through `pubsub.getItems` conditions (the reader's per-node path, fieldKeys index), since
 * both exist. Selectivity follows from lib/benchItems.ts: the rare word and the rare category
 * are on 1 post in 100, each demo category on ~20%, the common word on most posts.
 */
export function searchCases(address: NodeAddress, week: [number, number]): SearchCase[] {
  const search = (extra: SearchParams): SearchParams => ({ nodes: [address], max: 20, ...extra });
  const field = (conditions: FieldCondition[]) => search({ conditions });
  return [
    {
      name: `word "${RARE_WORD}" (1%)`,
      kind: 'full text',
      method: 'search.query',
      params: search({ text: RARE_WORD }),
    },
    {
      name: `word "${COMMON_WORD}" (most)`,
      kind: 'full text',
      method: 'search.query',
      params: search({ text: COMMON_WORD }),
    },
    {
      name: `words "${COMMON_WORD} ${RARE_WORD}" (≤1%)`,
      kind: 'full text',
      method: 'search.query',
      params: search({ text: `${COMMON_WORD} ${RARE_WORD}` }),
    },
    {
      name: `category = ${RARE_CATEGORY} (1%)`,
      kind: 'parsed field',
      method: 'search.query',
      params: field([{ field: 'category', op: '==', value: RARE_CATEGORY }]),
    },
    {
      name: `category = ${COMMON_CATEGORY} (~20%)`,
      kind: 'parsed field',
      method: 'search.query',
      params: field([{ field: 'category', op: '==', value: COMMON_CATEGORY }]),
    },
    {
      name: 'published in one week',
      kind: 'parsed field',
      method: 'search.query',
      params: field([{ field: 'published', op: 'between', value: week }]),
    },
    {
      name: `category = ${RARE_CATEGORY} (1%), getItems`,
      kind: 'parsed field',
      method: 'pubsub.getItems',
      params: {
        ...address,
        max: 20,
        conditions: [{ field: 'category', op: '==', value: RARE_CATEGORY }],
      },
    },
  ];
}
