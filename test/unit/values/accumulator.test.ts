import { addValue, emptyAcc, merge, resultOf } from '../../../src/values/accumulator';
import type { Acc } from '../../../src/model/analyze';

const accOf = (values: number[], docs = values.length): Acc => {
  const a = emptyAcc();
  a.docs = docs;
  for (const v of values) addValue(a, v, 1);
  return a;
};

describe('emptyAcc and addValue', () => {
  test('an empty accumulator has seen nothing; its min and max lose to any value', () => {
    expect(emptyAcc()).toEqual({ docs: 0, n: 0, sum: 0, sumsq: 0, min: Infinity, max: -Infinity });
  });

  test('each accumulator is a new object', () => {
    const a = emptyAcc();
    a.n = 5;
    expect(emptyAcc().n).toBe(0);
  });

  test('a value counts weight times', () => {
    const a = emptyAcc();
    addValue(a, 3, 2);
    // n = 2, sum = 3·2 = 6, sum of squares = 9·2 = 18
    expect(a).toEqual({ docs: 0, n: 2, sum: 6, sumsq: 18, min: 3, max: 3 });
    addValue(a, -1, 1);
    expect(a).toEqual({ docs: 0, n: 3, sum: 5, sumsq: 19, min: -1, max: 3 });
    addValue(a, 7, 1);
    expect(a).toEqual({ docs: 0, n: 4, sum: 12, sumsq: 68, min: -1, max: 7 });
    addValue(a, 2, 1);
    expect([a.min, a.max]).toEqual([-1, 7]);
  });
});

describe('merge', () => {
  test('sums the counts and keeps the extremes of both', () => {
    const a = accOf([-1, 3], 2);
    const b = accOf([10], 5);
    merge(a, b);
    expect(a).toEqual({ docs: 7, n: 3, sum: 12, sumsq: 110, min: -1, max: 10 });
    const c = accOf([0.5]);
    merge(c, accOf([-4, 9]));
    expect([c.min, c.max]).toEqual([-4, 9]);
  });
});

describe('resultOf', () => {
  // 2, 4, 4, 4, 5, 5, 7, 9: sum 40, mean 5, sum of squares 232, population variance 232/8 - 25 = 4.
  const a = accOf([2, 4, 4, 4, 5, 5, 7, 9], 10);

  test.each([
    ['COUNT', 10],
    ['AVG', 5],
    ['SUM', 40],
    ['MIN', 2],
    ['MAX', 9],
    ['SUMSQUARES', 232],
    ['STDDEV', 2],
  ] as const)('%s → %d', (func, value) => {
    expect(resultOf(a, func)).toBe(value);
  });

  test.each([
    ['COUNT', 3],
    ['SUM', 0],
    ['SUMSQUARES', 0],
    ['AVG', null],
    ['MIN', null],
    ['MAX', null],
    ['STDDEV', null],
  ] as const)('with documents but no value, %s → %s', (func, value) => {
    expect(resultOf(accOf([], 3), func)).toBe(value);
  });

  test('a variance rounded below zero is a deviation of 0, not NaN', () => {
    // 3·3 = 9 > 8.999999: the mean of squares falls just below the square of the mean.
    expect(resultOf({ docs: 1, n: 1, sum: 3, sumsq: 8.999999, min: 3, max: 3 }, 'STDDEV')).toBe(0);
  });

  test('weights count in the average', () => {
    const w = emptyAcc();
    addValue(w, 1, 3);
    addValue(w, 5, 1);
    // (1·3 + 5) / 4 = 2
    expect(resultOf(w, 'AVG')).toBe(2);
  });
});
