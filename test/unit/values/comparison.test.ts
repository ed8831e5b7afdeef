import { betweenBounds, boundsPredicate, comparisonBounds } from '../../../src/values/comparison';
import type { Interval } from '../../../src/values/typedValue';
import type { FieldType } from '../../../src/model/descriptor';
import type { QueryField } from '../../../src/model/querySchema';

const year2013: Interval = { from: '2013-01-01', to: '2014-01-01', toInclusive: false };
const five: Interval = { from: 5, to: 5, toInclusive: true };

describe('comparisonBounds', () => {
  test.each([
    [':', { gte: '2013-01-01', lt: '2014-01-01' }],
    ['=', { gte: '2013-01-01', lt: '2014-01-01' }],
    ['==', { gte: '2013-01-01', lt: '2014-01-01' }],
    // After 2013 is from 2014 on.
    ['>', { gte: '2014-01-01' }],
    ['>=', { gte: '2013-01-01' }],
    ['<', { lt: '2013-01-01' }],
    // Up to 2013 includes all of 2013.
    ['<=', { lt: '2014-01-01' }],
  ] as const)('d%s2013 → %j', (op, bounds) => {
    expect(comparisonBounds(op, year2013)).toStrictEqual(bounds);
  });

  test.each([
    [':', { gte: 5, lte: 5 }],
    ['>', { gt: 5 }],
    ['>=', { gte: 5 }],
    ['<', { lt: 5 }],
    ['<=', { lte: 5 }],
  ] as const)('n%s5 → %j', (op, bounds) => {
    expect(comparisonBounds(op, five)).toStrictEqual(bounds);
  });
});

describe('betweenBounds', () => {
  const y2015: Interval = { from: '2015-01-01', to: '2016-01-01', toInclusive: false };
  test('both ends, whole periods', () => {
    expect(betweenBounds(year2013, y2015)).toStrictEqual({ gte: '2013-01-01', lt: '2016-01-01' });
    expect(betweenBounds(five, { from: 9, to: 9, toInclusive: true })).toStrictEqual({ gte: 5, lte: 9 });
  });
  test('an open end is unbounded', () => {
    expect(betweenBounds(undefined, y2015)).toStrictEqual({ lt: '2016-01-01' });
    expect(betweenBounds(year2013, undefined)).toStrictEqual({ gte: '2013-01-01' });
    expect(betweenBounds(undefined, undefined)).toStrictEqual({});
  });
});

describe('boundsPredicate', () => {
  const field = (type: FieldType): QueryField => ({ name: 'n', type }) as unknown as QueryField;
  const int = field('int');

  test.each([
    [{ gte: 2.5, lte: 7.5 }, { gte: 3, lte: 7 }],
    [{ gt: 2, lt: 5 }, { gte: 3, lte: 4 }],
    [{ gt: 2.5 }, { gte: 3 }],
    [{ gt: -2.5 }, { gte: -2 }],
    [{ lt: 5.5 }, { lte: 5 }],
    [{ lt: -5.5 }, { lte: -6 }],
    [{ lte: -0.5 }, { lte: -1 }],
    // Both a gte and a gt: the higher low bound wins; both an lte and an lt: the lower high bound.
    [{ gte: 3, gt: 3, lte: 9, lt: 9 }, { gte: 4, lte: 8 }],
    [{ gte: 4, gt: 1, lte: 6, lt: 10 }, { gte: 4, lte: 6 }],
    [{}, {}],
  ])('on an int field, %j selects the integers %j', (bounds, integers) => {
    expect(boundsPredicate(int, 'v.n', bounds)).toStrictEqual({ kind: 'range', path: 'v.n', bounds: integers });
  });

  test('an int range holding one integer is a term', () => {
    expect(boundsPredicate(int, 'v.n', { gte: 4.5, lte: 5.5 })).toStrictEqual({ kind: 'term', path: 'v.n', value: 5 });
    expect(boundsPredicate(int, 'v.n', { gt: 4, lt: 6 })).toStrictEqual({ kind: 'term', path: 'v.n', value: 5 });
  });

  test('an int range holding no integer selects nothing', () => {
    expect(boundsPredicate(int, 'v.n', { gte: 2.2, lte: 2.8 })).toStrictEqual({ kind: 'none' });
    expect(boundsPredicate(int, 'v.n', { gt: 2, lt: 3 })).toStrictEqual({ kind: 'none' });
  });

  test('a double with equal ends is a term, otherwise a range with no format', () => {
    const double = field('double');
    expect(boundsPredicate(double, 'v.n', { gte: 4.5, lte: 4.5 })).toStrictEqual({ kind: 'term', path: 'v.n', value: 4.5 });
    expect(boundsPredicate(double, 'v.n', { gte: 4.5, lte: 5 })).toStrictEqual({ kind: 'range', path: 'v.n', bounds: { gte: 4.5, lte: 5 } });
    expect(boundsPredicate(double, 'v.n', { gte: 4.5, lt: 4.5 })).toStrictEqual({ kind: 'range', path: 'v.n', bounds: { gte: 4.5, lt: 4.5 } });
    expect(boundsPredicate(double, 'v.n', {})).toStrictEqual({ kind: 'range', path: 'v.n', bounds: {} });
  });

  test('dates carry the format Elasticsearch parses them with', () => {
    const bounds = { gte: '2013-01-01', lt: '2014-01-01' };
    expect(boundsPredicate(field('date'), 'v.d', bounds)).toStrictEqual({ kind: 'range', path: 'v.d', bounds, format: 'strict_date' });
    expect(boundsPredicate(field('datetime'), 'v.d', bounds)).toStrictEqual({ kind: 'range', path: 'v.d', bounds, format: 'strict_date_optional_time' });
    // Equal ends on a date stay a range.
    const day = { gte: '2013-01-01', lte: '2013-01-01' };
    expect(boundsPredicate(field('date'), 'v.d', day)).toStrictEqual({ kind: 'range', path: 'v.d', bounds: day, format: 'strict_date' });
    expect(boundsPredicate(field('text'), 'v.t', bounds)).toStrictEqual({ kind: 'range', path: 'v.t', bounds });
  });
});
