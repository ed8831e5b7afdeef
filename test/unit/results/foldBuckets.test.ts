import { PointFolder, type CompositeBucket } from '../../../src/results/foldBuckets';
import type { AnalyzePlan, DatePart, Func, Series, XSource } from '../../../src/model/analyze';
import type { FieldDef } from '../../../src/model/descriptor';
import type { Expr } from '../../../src/query/expression';

const field = (name: string, type = 'text'): FieldDef => ({ name, label: name, type, annotations: [], source: { kind: 'column', name } }) as unknown as FieldDef;
const terms = (name: string): XSource => ({ kind: 'terms', field: field(name) });
const date = (parts: DatePart[], timeZone = 'UTC'): XSource => ({ kind: 'date', field: field('at', 'datetime'), parts, interval: 'day', timeZone });
const plan = (xs: XSource[], series: Series[], valueFields: string[] = []): AnalyzePlan =>
  ({ index: 'i', query: { kind: 'all' }, xs, series, valueFields }) as unknown as AnalyzePlan;
const fieldSeries = (name: string, func: Func, f = 'n'): Series => ({ name, func, field: f, expr: { kind: 'field', name: f }, cumulative: false });
const count: Series = { name: 'c', func: 'COUNT', cumulative: false };
const stats = (values: number[]) => ({
  count: values.length, sum: values.reduce((a, b) => a + b, 0), sum_of_squares: values.reduce((a, b) => a + b * b, 0),
  min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null,
});
const fold = (p: AnalyzePlan, buckets: CompositeBucket[]) => {
  const folder = new PointFolder(p);
  for (const b of buckets) folder.add(b);
  return folder;
};

describe('PointFolder: x', () => {
  it('without x, every bucket is the one point, with an empty key', () => {
    const folder = fold(plan([], [count]), [{ key: {}, doc_count: 5 }, { key: {}, doc_count: 2 }]);
    expect(folder.size).toBe(1);
    expect(folder.result()).toEqual([{ x: undefined, order: [], values: { c: 7 } }]);
  });

  it('one terms x: the x is the value itself; buckets of the same value fold together', () => {
    const folder = fold(plan([terms('kind')], [count]), [
      { key: { x0: 'b' }, doc_count: 1 }, { key: { x0: 'a' }, doc_count: 2 }, { key: { x0: 'b' }, doc_count: 4 },
    ]);
    expect(folder.size).toBe(2);
    expect(folder.result()).toEqual([{ x: 'b', order: ['b'], values: { c: 5 } }, { x: 'a', order: ['a'], values: { c: 2 } }]);
  });

  it('a number grouped by its key: the x is the number the key stands for', () => {
    const byKey: XSource = { kind: 'terms', field: field('year', 'int'), keyPath: 'k.year' };
    // IEEE 754: 2019 is 0x409F8C0000000000 (sign bit set in its key), −1 is 0xBFF0000000000000 (every bit flipped).
    const folder = fold(plan([byKey], [count]), [{ key: { x0: '400fffffffffffff' }, doc_count: 2 }, { key: { x0: 'c09f8c0000000000' }, doc_count: 3 }]);
    expect(folder.result()).toEqual([{ x: -1, order: [-1], values: { c: 2 } }, { x: 2019, order: [2019], values: { c: 3 } }]);
  });

  it('leaves out a bucket whose x is missing (null, or no key)', () => {
    const folder = fold(plan([terms('kind'), terms('zone')], [count]), [
      { key: { x0: null, x1: 'n' }, doc_count: 3 }, { key: { x0: 'a' }, doc_count: 3 }, { key: { x0: 'a', x1: 'n' }, doc_count: 1 },
    ]);
    expect(folder.result()).toEqual([{ x: { kind: 'a', zone: 'n' }, order: ['a', 'n'], values: { c: 1 } }]);
  });

  it('several terms x: the x names each field, the order is the values in x order', () => {
    const folder = fold(plan([terms('kind'), terms('zone')], [count]), [{ key: { x0: 3, x1: 'n' }, doc_count: 2 }]);
    expect(folder.result()).toEqual([{ x: { kind: 3, zone: 'n' }, order: [3, 'n'], values: { c: 2 } }]);
  });

  it('a date x cut into parts in the time zone of the request; equal parts fold together', () => {
    // Day buckets start at local midnight in Paris (UTC+1 in winter): Monday 1 January 2024 starts at
    // 2023-12-31T23:00Z (a Sunday in UTC); Monday 8 January and Tuesday 2 January likewise.
    // With weekday (Monday = 0), both Mondays fold into one point.
    const mon1 = Date.UTC(2023, 11, 31, 23), tue2 = Date.UTC(2024, 0, 1, 23), mon8 = Date.UTC(2024, 0, 7, 23);
    const folder = fold(plan([date(['weekday'], 'Europe/Paris')], [count]), [
      { key: { x0: mon1 }, doc_count: 1 }, { key: { x0: tue2 }, doc_count: 2 }, { key: { x0: mon8 }, doc_count: 4 },
    ]);
    expect(folder.result()).toEqual([{ x: { weekday: 0 }, order: [0], values: { c: 5 } }, { x: { weekday: 1 }, order: [1], values: { c: 2 } }]);
  });

  it('a date x of several parts, next to a terms x', () => {
    // 2023-12-31T23:00Z is 1 January 2024 in Paris: year 2024, month 1 (in UTC it would be 2023, 12).
    const folder = fold(plan([date(['year', 'month'], 'Europe/Paris'), terms('kind')], [count]), [{ key: { x0: Date.UTC(2023, 11, 31, 23), x1: 'a' }, doc_count: 3 }]);
    expect(folder.result()).toEqual([{ x: { year: 2024, month: 1, kind: 'a' }, order: [2024, 1, 'a'], values: { c: 3 } }]);
  });
});

describe('PointFolder: series from field statistics', () => {
  it('adds up the statistics of folded buckets (an average over all values, not of averages)', () => {
    // Values 1, 3 in one bucket and 8, 10, 12 in the other: average 34 / 5 = 6.8 (the mean of means would be 6);
    // squares 1 + 9 + 64 + 100 + 144 = 318.
    const series = [fieldSeries('avg', 'AVG'), fieldSeries('sum', 'SUM'), fieldSeries('min', 'MIN'), fieldSeries('max', 'MAX'), fieldSeries('sq', 'SUMSQUARES'), count];
    const b = (values: number[], docs: number): CompositeBucket => {
      const st = stats(values);
      return { key: { x0: 'a' }, doc_count: docs, s_avg: st, s_sum: st, s_min: st, s_max: st, s_sq: st };
    };
    const folder = fold(plan([terms('kind')], series), [b([1, 3], 2), b([8, 10, 12], 4)]);
    expect(folder.result()).toEqual([{ x: 'a', order: ['a'], values: { avg: 6.8, sum: 34, min: 1, max: 12, sq: 318, c: 6 } }]);
  });

  it('a bucket whose records have no value counts its records only', () => {
    const series = [fieldSeries('avg', 'AVG'), fieldSeries('sum', 'SUM'), fieldSeries('min', 'MIN'), count];
    const empty = stats([]);
    const folder = fold(plan([terms('kind')], series), [{ key: { x0: 'a' }, doc_count: 3, s_avg: empty, s_sum: empty, s_min: empty }]);
    expect(folder.result()).toEqual([{ x: 'a', order: ['a'], values: { avg: null, sum: 0, min: null, c: 3 } }]);
  });

  it('a bucket without the statistics aggregation counts its records only', () => {
    const folder = fold(plan([], [fieldSeries('max', 'MAX'), count]), [{ key: {}, doc_count: 2 }]);
    expect(folder.result()).toEqual([{ x: undefined, order: [], values: { max: null, c: 2 } }]);
  });

  it('the standard deviation of the folded values', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, variance 4, deviation 2.
    const folder = fold(plan([], [fieldSeries('sd', 'STDDEV')]), [
      { key: {}, doc_count: 3, s_sd: stats([2, 4, 4]) }, { key: {}, doc_count: 5, s_sd: stats([4, 5, 5, 7, 9]) },
    ]);
    expect(folder.result()[0].values.sd).toBeCloseTo(2, 12);
  });
});

describe('PointFolder: series from expressions over field values', () => {
  // y = a * b, read record by record: v0 is a, v1 is b; each combination weighs its records.
  const product: Expr = { kind: 'bin', op: '*', left: { kind: 'field', name: 'a' }, right: { kind: 'field', name: 'b' } };
  const ratio: Expr = { kind: 'bin', op: '/', left: { kind: 'field', name: 'a' }, right: { kind: 'field', name: 'b' } };
  const exprSeries = (name: string, func: Func, expr: Expr): Series => ({ name, func, expr, cumulative: false });

  it('evaluates the expression on each combination, weighted by its records', () => {
    // (a=2, b=3) × 2 records → 6, 6; (a=1, b=10) × 1 record → 10: sum 22, n 3, average 22/3, min 6, max 10.
    const series = [exprSeries('s', 'SUM', product), exprSeries('m', 'AVG', product), exprSeries('lo', 'MIN', product), exprSeries('hi', 'MAX', product), count];
    const folder = fold(plan([terms('kind')], series, ['a', 'b']), [
      { key: { x0: 'k', v0: 2, v1: 3 }, doc_count: 2 }, { key: { x0: 'k', v0: 1, v1: 10 }, doc_count: 1 },
    ]);
    expect(folder.result()).toEqual([{ x: 'k', order: ['k'], values: { s: 22, m: 22 / 3, lo: 6, hi: 10, c: 3 } }]);
  });

  it('skips records where a field is missing or the value is not finite, but counts them', () => {
    // b missing (null key) → no value; b = 0 → 2/0 = Infinity → no value; only (4, 2) → 2 is averaged.
    const folder = fold(plan([], [exprSeries('r', 'AVG', ratio), count], ['a', 'b']), [
      { key: { v0: 2, v1: null }, doc_count: 5 }, { key: { v0: 2, v1: 0 }, doc_count: 1 }, { key: { v0: 4, v1: 2 }, doc_count: 2 },
    ]);
    expect(folder.result()).toEqual([{ x: undefined, order: [], values: { r: 2, c: 8 } }]);
  });

  it('takes the fields from their own key (v0 is the first value field, v1 the second)', () => {
    // a / b with a = 8 (v0) and b = 2 (v1) is 4; swapped it would be 0.25.
    const folder = fold(plan([], [exprSeries('r', 'SUM', ratio)], ['a', 'b']), [{ key: { v1: 2, v0: 8 }, doc_count: 1 }]);
    expect(folder.result()[0].values.r).toBe(4);
  });
});
