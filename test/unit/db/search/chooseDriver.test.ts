/** Which ordered index a search walks (src/db/search/searchDriver.ts), without a database. */
import { describe, expect, it } from 'vitest';
import { intersectKeys } from '../../../../src/db/search/intersectKeys';
import { chooseDriver } from '../../../../src/db/search/searchDriver';
import { compileSearch } from '../../../../src/db/search/searchPredicates';
import type { SearchScope } from '../../../../src/db/search/searchScope';
import type { SearchQuery } from '../../../../src/shared/searchQuery';

const nodes = [
  { service: 's', node: 'blog', num: 1 },
  { service: 's', node: 'news', num: 2 },
];
const everything: SearchScope = {
  nums: new Set([1, 2]),
  narrowed: false,
  nodes,
  byNum: new Map(nodes.map((n) => [n.num, n])),
};
const blogOnly: SearchScope = {
  ...everything,
  nums: new Set([1]),
  narrowed: true,
  nodes: [nodes[0]!],
};

const query = (q: Partial<SearchQuery>): SearchQuery => ({
  account: 'me@x',
  orderBy: 'created',
  direction: 'desc',
  offset: 0,
  max: 20,
  ...q,
});
const drive = (q: SearchQuery, scope = everything) =>
  chooseDriver(q, compileSearch(q, scope.nums), scope);

describe('chooseDriver', () => {
  it('walks the account time index newest first, implying a match without other filters', () => {
    const driver = drive(query({}));
    expect(driver.source.name).toBe('created');
    expect(driver.source.ranges[0]).toMatchObject({ index: '[account+created]', reverse: true });
    expect(driver.impliesMatch).toBe(true);
    expect(drive(query({ pinned: true })).impliesMatch).toBe(false);
  });

  it("walks one node's own time index when the scope is one node", () => {
    const driver = drive(query({ orderBy: 'updated', direction: 'asc' }), blogOnly);
    expect(driver.source.ranges[0]).toMatchObject({ index: '[node+updated]', reverse: false });
  });

  it('follows the longest word of a relevance search, or the one it is told', () => {
    const q = query({ text: 'xmpp offline', orderBy: 'relevance' });
    expect(drive(q).source.name).toBe('word offline');
    expect(drive(q).impliesMatch).toBe(false);
    const [xmpp] = compileSearch(q, everything.nums).required;
    const told = chooseDriver(q, compileSearch(q, everything.nums), everything, xmpp);
    expect(told.source.name).toBe('word xmpp');
    const one = drive(query({ text: 'offline', orderBy: 'relevance' }));
    expect(one.impliesMatch).toBe(true);
    // A prefix walks the exact word first, then the longer ones.
    expect(drive(query({ text: 'off*', orderBy: 'relevance' })).source.ranges).toHaveLength(2);
  });

  it("reads a field's own index for orderBy field and for == in one node", () => {
    const byField = drive(query({ orderBy: 'field', orderField: 'rating' }), blogOnly);
    expect(byField.source.name).toBe('order by rating');
    expect(byField.impliesMatch).toBe(true);
    const equal = drive(
      query({ conditions: [{ field: 'category', op: '==', value: 'xmpp' }] }),
      blogOnly,
    );
    expect(equal.source.name).toBe('field category ==');
    expect(equal.impliesMatch).toBe(true);
    // Across nodes the field index has no common order: the time index drives.
    const across = drive(query({ conditions: [{ field: 'category', op: '==', value: 'xmpp' }] }));
    expect(across.source.name).toBe('created');
    expect(across.impliesMatch).toBe(false);
  });
});

describe('intersectKeys', () => {
  it('keeps what every list holds and the filter accepts, in the smallest list order', () => {
    const a = new Map([
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['4', 4],
    ]);
    const b = new Map([
      ['3', 3],
      ['1', 1],
    ]);
    const c = new Map([
      ['1', 1],
      ['3', 3],
      ['4', 4],
    ]);
    expect(intersectKeys([a, b, c], () => true)).toEqual([3, 1]);
    expect(intersectKeys([a, b, c], (k) => k !== 3)).toEqual([1]);
    expect(intersectKeys([], () => true)).toEqual([]);
  });
});
