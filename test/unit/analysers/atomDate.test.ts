import { describe, expect, it } from 'vitest';
import { readAtomDate } from '../../../src/analysers/microblog/atomDate';

function read(raw: string) {
  const problems: string[] = [];
  return { ...readAtomDate(raw, 'updated', problems), problems };
}

describe('readAtomDate', () => {
  it('reads strict RFC 3339 dates with offsets and fractions', () => {
    expect(read('2008-05-08T18:30:02Z')).toEqual({
      raw: '2008-05-08T18:30:02Z',
      iso: '2008-05-08T18:30:02.000Z',
      ms: Date.UTC(2008, 4, 8, 18, 30, 2),
      problems: [],
    });
    expect(read('2024-07-14T09:12:33.123456+02:00').ms).toBe(Date.UTC(2024, 6, 14, 7, 12, 33, 123));
    expect(read('2024-07-14t01:00:00.5-05:30').ms).toBe(Date.UTC(2024, 6, 14, 6, 30, 0, 500));
    expect(read('  2024-02-29T00:00:00Z\n').problems).toEqual([]);
  });

  it('reads near misses with a problem', () => {
    expect(read('2024-01-05 10:00:00Z')).toMatchObject({
      ms: Date.UTC(2024, 0, 5, 10),
      problems: ['updated: "2024-01-05 10:00:00Z" is not strict RFC 3339; read anyway'],
    });
    expect(read('2024-01-05T10:00:00+0200').ms).toBe(Date.UTC(2024, 0, 5, 8));
    expect(read('2024-01-05T10:00+02:00').ms).toBe(Date.UTC(2024, 0, 5, 8));
    expect(read('2024-01-05T10:00:00')).toMatchObject({
      ms: Date.UTC(2024, 0, 5, 10),
      problems: ['updated: "2024-01-05T10:00:00" has no time zone; UTC assumed'],
    });
    expect(read('2024-01-05')).toMatchObject({
      ms: Date.UTC(2024, 0, 5),
      problems: ['updated: "2024-01-05" has no time; midnight UTC assumed'],
    });
  });

  it('reads a leap second and years below 100 correctly', () => {
    expect(read('2016-12-31T23:59:60Z').ms).toBe(Date.UTC(2016, 11, 31, 23, 59, 59));
    expect(read('0050-01-01T00:00:00Z').iso).toBe('0050-01-01T00:00:00.000Z');
  });

  it('records malformed and impossible dates without a time', () => {
    for (const raw of [
      '',
      'yesterday',
      '08/05/2008',
      'Thu, 08 May 2008 18:30:02 GMT',
      '2008-5-8T1:2:3Z',
    ]) {
      const result = read(raw);
      expect(result.ms).toBeUndefined();
      expect(result.problems[0]).toMatch(/is not an RFC 3339 date/);
    }
    for (const raw of [
      '2023-02-29T00:00:00Z',
      '2023-13-01T00:00:00Z',
      '2023-01-01T24:00:00Z',
      '2023-04-31',
    ]) {
      const result = read(raw);
      expect(result.ms).toBeUndefined();
      expect(result.problems[0]).toMatch(/is not a valid date/);
    }
  });

  it('shortens a huge malformed date in the problem', () => {
    const result = read('x'.repeat(100_000));
    expect(result.problems[0]?.length).toBeLessThan(120);
  });
});
