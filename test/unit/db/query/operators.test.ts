/** What each operator means, once for both engines (src/db/query/operators.ts). */
import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  equalityValue,
  isIndexedPositive,
  numericRange,
  typeBounds,
  valueRanges,
} from '../../../../src/db/query/operators';
import type { FacetValue } from '../../../../src/shared/records';

const fields: Array<[string, FacetValue]> = [
  ['category', 'xmpp'],
  ['category', 'offline'],
  ['rating', 4],
];

describe('valueRanges', () => {
  it('is the positive form of every operator, negatives included', () => {
    expect(valueRanges({ field: 'f', op: '==', value: 'a' })).toEqual([['a', 'a', true, true]]);
    expect(valueRanges({ field: 'f', op: '!=', value: 'a' })).toEqual([['a', 'a', true, true]]);
    expect(valueRanges({ field: 'f', op: 'not_in', value: [1, 2] })).toEqual([
      [1, 1, true, true],
      [2, 2, true, true],
    ]);
    expect(valueRanges({ field: 'f', op: 'between', value: [1, 5] })).toEqual([[1, 5, true, true]]);
    expect(valueRanges({ field: 'f', op: 'in', value: [] })).toEqual([]);
  });

  it('bounds one-sided comparisons by the type of their value', () => {
    expect(valueRanges({ field: 'f', op: '<', value: 3 })).toEqual([[-Infinity, 3, true, false]]);
    expect(valueRanges({ field: 'f', op: '<=', value: 'm' })).toEqual([['', 'm', true, true]]);
    // A number's top, Infinity, is a value and is included; a string's top, [], is no value.
    expect(valueRanges({ field: 'f', op: '>', value: 3 })).toEqual([[3, Infinity, false, true]]);
    expect(valueRanges({ field: 'f', op: '>=', value: 'm' })).toEqual([['m', [], true, false]]);
    expect(typeBounds(7)).toEqual([-Infinity, Infinity]);
    expect(typeBounds('x')).toEqual(['', []]);
  });
});

describe('conditionHolds', () => {
  it('holds when some value does, and negatives when none does', () => {
    expect(conditionHolds({ field: 'category', op: '==', value: 'xmpp' }, fields)).toBe(true);
    expect(conditionHolds({ field: 'category', op: '!=', value: 'xmpp' }, fields)).toBe(false);
    expect(conditionHolds({ field: 'category', op: 'disjoint', value: ['web'] }, fields)).toBe(
      true,
    );
    expect(conditionHolds({ field: 'missing', op: 'not_in', value: ['a'] }, fields)).toBe(true);
  });

  it('compares like with like, and contains folds case and accents', () => {
    expect(conditionHolds({ field: 'rating', op: '>', value: 3 }, fields)).toBe(true);
    expect(conditionHolds({ field: 'category', op: '>', value: 3 }, fields)).toBe(false);
    expect(conditionHolds({ field: 'rating', op: 'between', value: ['a', 'z'] }, fields)).toBe(
      false,
    );
    expect(conditionHolds({ field: 'category', op: 'contains', value: 'OFFLÍ' }, fields)).toBe(
      true,
    );
  });
});

describe('the other readings of an operator', () => {
  it('names the indexed positives, equalities and numeric ranges', () => {
    expect(['==', 'in', 'between', '<', '>='].every((op) => isIndexedPositive(op as '=='))).toBe(
      true,
    );
    expect(
      ['!=', 'not_in', 'disjoint', 'contains'].some((op) => isIndexedPositive(op as '==')),
    ).toBe(false);
    expect(equalityValue({ field: 'f', op: 'overlap', value: ['x'] })).toBe('x');
    expect(equalityValue({ field: 'f', op: 'in', value: ['x', 'y'] })).toBeUndefined();
    expect(numericRange({ field: 'f', op: 'in', value: [5, 2, 9] })).toEqual({ from: 2, to: 9 });
    expect(numericRange({ field: 'f', op: '<', value: 4 })).toEqual({ to: 4 });
    expect(numericRange({ field: 'f', op: '==', value: 'a' })).toBeUndefined();
  });
});
