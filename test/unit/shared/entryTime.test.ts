import { describe, expect, it } from 'vitest';
import { entryTime } from '../../../src/shared/microblogEntry';
import type { MicroblogItem } from '../../../src/shared/microblogTypes';
import type { ItemView } from '../../../src/shared/protocol';

const DAY = 24 * 3600_000;
const FIRST_SEEN = Date.UTC(2026, 11, 6);

const item = (created: number): ItemView => ({ id: 'p1', xml: '<item/>', created });
const entry = (published?: number, updated?: number): MicroblogItem =>
  ({
    ...(published !== undefined && { published: { ms: published } }),
    ...(updated !== undefined && { updated: { ms: updated } }),
  }) as MicroblogItem;

describe('entryTime', () => {
  it('shows the date the post claims, then its update, then when it was first seen', () => {
    expect(entryTime(entry(FIRST_SEEN - DAY), item(FIRST_SEEN - DAY))).toBe(FIRST_SEEN - DAY);
    expect(entryTime(entry(undefined, FIRST_SEEN - 5), item(FIRST_SEEN))).toBe(FIRST_SEEN - 5);
    expect(entryTime(entry(), item(FIRST_SEEN))).toBe(FIRST_SEEN);
    expect(entryTime(undefined, item(FIRST_SEEN))).toBe(FIRST_SEEN);
  });

  it('does not show a date the cache did not believe (more than a day ahead of it)', () => {
    const year9999 = Date.UTC(9999, 11, 31);
    expect(entryTime(entry(year9999), item(FIRST_SEEN))).toBe(FIRST_SEEN);
    // Clock skew within a day is believed, as when the post was stored.
    expect(entryTime(entry(FIRST_SEEN + DAY - 1), item(FIRST_SEEN))).toBe(FIRST_SEEN + DAY - 1);
  });
});
