import { describe, expect, it } from 'vitest';
import { planCatchUp } from '../../../src/cache/planCatchUp';

// Listings are newest first, as Prosody's disco#items on a node answers (an item published
// again under its id moves to the top: measured on Prosody 0.12, issue 14).
const ids = (n: number, prefix = 'i') =>
  Array.from({ length: n }, (_, i) => `${prefix}${n - 1 - i}`);

describe('planCatchUp', () => {
  it('fetches only the newest item again for a node that did not change', () => {
    const listing = ids(2000);
    expect(planCatchUp(listing, new Set(listing), listing)).toEqual({
      remove: [],
      fetch: ['i1999'],
      refreshNewest: false,
    });
  });

  it('fetches new items, removes retracted ones, and finds edits by their move to the top', () => {
    const before = ids(2000);
    // While away: i1500 and i3 published again (edited), i7 retracted, n0 and n1 published.
    const after = [
      'n1',
      'i3',
      'n0',
      'i1500',
      ...before.filter((id) => !['i1500', 'i3', 'i7'].includes(id)),
    ];
    const plan = planCatchUp(after, new Set(before), before);
    expect(plan.remove).toEqual(['i7']);
    expect(plan.fetch.sort()).toEqual(['i1500', 'i3', 'n0', 'n1']); // n1 is the newest too
    expect(plan.refreshNewest).toBe(false);
  });

  it('finds an edit of the newest item too, when something was published after it', () => {
    const before = ['c', 'b', 'a'];
    expect(planCatchUp(['d', 'c', 'b', 'a'], new Set(before), before).fetch).toEqual(['d']);
    // c edited after d was published: c now lists above d, as before, but b and a were not.
    expect(planCatchUp(['c', 'd', 'b', 'a'], new Set(before), before).fetch.sort()).toEqual([
      'c',
      'd',
    ]);
    // b edited after d was published: b now lists above d and c.
    expect(planCatchUp(['b', 'd', 'c', 'a'], new Set(before), before).fetch.sort()).toEqual([
      'b',
      'd',
    ]);
    // The newest item corrected, nothing else: the listing is as it was; it is fetched anyway.
    expect(planCatchUp(before, new Set(before), before).fetch).toEqual(['c']);
  });

  it('fetches again what was cached since the last listing (live events): it cannot be placed', () => {
    const before = ['b', 'a'];
    const cached = new Set(['live', 'b', 'a']);
    expect(planCatchUp(['b', 'live', 'a'], cached, before).fetch.sort()).toEqual(['b', 'live']);
  });

  it('refreshes the newest items when there is no listing to compare with', () => {
    const plan = planCatchUp(['c', 'b', 'a'], new Set(['b', 'a', 'gone']), undefined);
    expect(plan).toEqual({ remove: ['gone'], fetch: ['c'], refreshNewest: true });
  });

  it('removes everything after a purge', () => {
    const before = ids(5);
    expect(planCatchUp([], new Set(before), before)).toEqual({
      remove: before,
      fetch: [],
      refreshNewest: false,
    });
  });

  it('stays near-linear on 10,000 items with 20 changes', () => {
    const before = ids(10_000);
    // 20 edits, in any order: the last one edited lists first.
    const edited = before.filter((_, i) => i % 500 === 250);
    const after = [...edited].reverse().concat(before.filter((id) => !edited.includes(id)));
    const started = performance.now();
    const plan = planCatchUp(after, new Set(before), before);
    expect(edited).toHaveLength(20);
    expect(plan.fetch.sort()).toEqual([...edited].sort());
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
