import { describe, expect, it } from 'vitest';
import { NEWEST_REFETCH, planCatchUp } from '../../../src/cache/planCatchUp';

// Listings are newest first, as Prosody's disco#items on a node answers (an item published
// again under its id moves to the top: measured on Prosody 0.12, issue 14).
const ids = (n: number, prefix = 'i') =>
  Array.from({ length: n }, (_, i) => `${prefix}${n - 1 - i}`);
/** The listing after `edited` were published again, in that order (the last one lists first). */
const afterEdits = (listing: string[], edited: string[]) => [
  ...[...edited].reverse(),
  ...listing.filter((id) => !edited.includes(id)),
];
const sorted = (list: string[]) => [...list].sort();

describe('planCatchUp', () => {
  it('fetches only the newest five again for a node that did not change', () => {
    const listing = ids(2000);
    expect(NEWEST_REFETCH).toBe(5);
    expect(planCatchUp(listing, new Set(listing), listing)).toEqual({
      remove: [],
      fetch: ['i1999', 'i1998', 'i1997', 'i1996', 'i1995'],
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
    // The four changes, and the newest five (which they mostly are), in one fetch.
    expect(sorted(plan.fetch)).toEqual(sorted(['n1', 'i3', 'n0', 'i1500', 'i1999']));
    expect(plan.refreshNewest).toBe(false);
  });

  it('finds edits below the newest five, whatever was published after them', () => {
    const before = ids(100);
    const newest = after5(before);
    // i50 edited, then n0 published: i50 lists second, above items it was older than.
    const plan = planCatchUp(
      ['n0', 'i50', ...before.filter((id) => id !== 'i50')],
      new Set(before),
      before,
    );
    expect(sorted(plan.fetch)).toEqual(sorted(['n0', 'i50', ...newest.slice(0, 3)]));
    // i10 then i60 edited (the last edit lists first): both moved.
    const twice = planCatchUp(afterEdits(before, ['i10', 'i60']), new Set(before), before);
    expect(twice.fetch).toEqual(expect.arrayContaining(['i10', 'i60']));
    expect(twice.fetch).toHaveLength(5); // i60, i10 and the three newest after them
  });

  it('catches the newest items corrected oldest first, which leave the order as it was', () => {
    const before = ids(100);
    // i97 then i98 then i99 edited: the listing is exactly as before.
    const after = afterEdits(before, ['i97', 'i98', 'i99']);
    expect(after).toEqual(before);
    expect(planCatchUp(after, new Set(before), before).fetch).toEqual(
      expect.arrayContaining(['i97', 'i98', 'i99']),
    );
  });

  it('fetches again what was cached since the last listing (live events): it cannot be placed', () => {
    const before = ids(50);
    const cached = new Set(['live', ...before]);
    const server = [...before.slice(0, 10), 'live', ...before.slice(10)];
    expect(planCatchUp(server, cached, before).fetch).toContain('live');
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
    const after = afterEdits(before, edited);
    const started = performance.now();
    const plan = planCatchUp(after, new Set(before), before);
    expect(edited).toHaveLength(20);
    expect(sorted(plan.fetch)).toEqual(sorted(edited)); // the newest five are among them
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

/** The newest five of a listing after a change at the top: what is always fetched again. */
function after5(listing: string[]): string[] {
  return listing.slice(0, NEWEST_REFETCH);
}
