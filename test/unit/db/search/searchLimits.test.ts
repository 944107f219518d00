/** Both validators of a search read the limits from one place (src/shared/searchLimits.ts). */
import { describe, expect, it } from 'vitest';
import { validateSearchQuery } from '../../../../src/db/search/validateSearchQuery';
import { SEARCH_LIMITS } from '../../../../src/shared/searchLimits';
import type { SearchQuery } from '../../../../src/shared/searchQuery';
import { searchParams } from '../../../../src/sw/validators/searchValidators';

const base: SearchQuery = {
  account: 'a@x',
  orderBy: 'created',
  direction: 'desc',
  offset: 0,
  max: 1,
};

describe('search limits', () => {
  it('are the same for the RPC validator and the database', () => {
    const { maxOffset, maxPage } = SEARCH_LIMITS;
    for (const [offset, max] of [
      [maxOffset, maxPage],
      [0, 1],
    ] as const) {
      expect(() => searchParams({ offset, max }, 'params')).not.toThrow();
      expect(() => validateSearchQuery({ ...base, offset, max })).not.toThrow();
    }
    for (const [offset, max] of [
      [maxOffset + 1, 1],
      [0, maxPage + 1],
    ] as const) {
      expect(() => searchParams({ offset, max }, 'params')).toThrow();
      expect(() => validateSearchQuery({ ...base, offset, max })).toThrow(/must be/u);
    }
  });

  it('bound the text and the conditions of an RPC search', () => {
    const text = 'a'.repeat(SEARCH_LIMITS.maxText);
    expect(() => searchParams({ text }, 'params')).not.toThrow();
    expect(() => searchParams({ text: `${text}a` }, 'params')).toThrow();
    const condition = { field: 'f', op: '==', value: 1 };
    const conditions = Array.from({ length: SEARCH_LIMITS.maxConditions + 1 }, () => condition);
    expect(() => searchParams({ conditions }, 'params')).toThrow();
  });
});
