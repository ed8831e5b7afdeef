import { finishPoints } from '../../../src/results/finishPoints';
import type { AnalyzePlan, AnalyzePoint, Series } from '../../../src/model/analyze';

const series = (name: string, cumulative = false): Series => ({ name, func: 'SUM', field: name, cumulative });
const plan = (extra: Partial<AnalyzePlan> = {}): AnalyzePlan =>
  ({ index: 'i', query: { kind: 'all' }, xs: [], series: [series('y')], valueFields: [], ...extra }) as AnalyzePlan;
const point = (order: Array<string | number>, y: number | null = 0, more: Record<string, number | null> = {}): AnalyzePoint =>
  ({ x: order.join('/'), order, values: { y, ...more } });
const orders = (r: { points: AnalyzePoint[] }): Array<Array<string | number>> => r.points.map((p) => p.order);

describe('finishPoints: x order', () => {
  it('numbers by value, not by their text (9 before 10)', () => {
    expect(orders(finishPoints(plan(), [point([10]), point([9]), point([100])]))).toEqual([[9], [10], [100]]);
  });

  it('texts by code unit (upper case first)', () => {
    expect(orders(finishPoints(plan(), [point(['b']), point(['a']), point(['B'])]))).toEqual([['B'], ['a'], ['b']]);
  });

  it('a number and a text compare as texts ("10" < "9")', () => {
    expect(orders(finishPoints(plan(), [point(['9']), point([10])]))).toEqual([[10], ['9']]);
  });

  it('keys of several parts: the first part, then the next', () => {
    const points = [point([2020, 2]), point([2019, 12]), point([2020, 1])];
    expect(orders(finishPoints(plan(), points))).toEqual([[2019, 12], [2020, 1], [2020, 2]]);
  });

  it('a key before a longer key it begins', () => {
    expect(orders(finishPoints(plan(), [point([1, 0]), point([1])]))).toEqual([[1], [1, 0]]);
    expect(orders(finishPoints(plan(), [point([1]), point([1, 0])]))).toEqual([[1], [1, 0]]);
  });

  it('every point, not truncated, without maxpoints', () => {
    expect(finishPoints(plan(), [point([2]), point([1])]).truncated).toBe(false);
  });
});

describe('finishPoints: cumulative series', () => {
  it('sums a cumulative series in x order (a null adds nothing), and leaves the others alone', () => {
    const p = plan({ series: [series('y', true), series('z')] });
    const r = finishPoints(p, [point([3], 3, { z: 30 }), point([1], 1, { z: 10 }), point([2], null, { z: null })]);
    expect(r.points.map((q) => q.values)).toEqual([{ y: 1, z: 10 }, { y: 1, z: null }, { y: 4, z: 30 }]);
  });

  it('sums in x order even when the answer is then sorted by value', () => {
    // x order: 1 → 5, 2 → 1, 3 → 2; running sums 5, 6, 8; by that value descending: x = 3, 2, 1.
    const p = plan({ series: [series('y', true)], sort: { by: 'y', descending: true } });
    const r = finishPoints(p, [point([2], 1), point([3], 2), point([1], 5)]);
    expect(r.points.map((q) => [q.order[0], q.values.y])).toEqual([[3, 8], [2, 6], [1, 5]]);
  });
});

describe('finishPoints: sort', () => {
  const points = (): AnalyzePoint[] => [point(['a'], 2), point(['b'], 1), point(['c'], 3), point(['d'], 1)];

  it('by a series ascending, ties in x order', () => {
    const r = finishPoints(plan({ sort: { by: 'y', descending: false } }), points());
    expect(r.points.map((p) => p.order[0])).toEqual(['b', 'd', 'a', 'c']);
  });

  it('by a series descending', () => {
    const r = finishPoints(plan({ sort: { by: 'y', descending: true } }), [point(['a'], 2), point(['b'], 1), point(['c'], 3)]);
    expect(r.points.map((p) => p.order[0])).toEqual(['c', 'a', 'b']);
  });

  it('a point without a value (null) is the smallest: first ascending, last descending', () => {
    const nulls = (): AnalyzePoint[] => [point(['a'], 2), point(['b'], null), point(['c'], -5)];
    expect(finishPoints(plan({ sort: { by: 'y', descending: false } }), nulls()).points.map((p) => p.order[0])).toEqual(['b', 'c', 'a']);
    expect(finishPoints(plan({ sort: { by: 'y', descending: true } }), nulls()).points.map((p) => p.order[0])).toEqual(['a', 'c', 'b']);
  });

  it('points without a value tie among themselves, in x order', () => {
    const r = finishPoints(plan({ sort: { by: 'y', descending: false } }), [point(['c'], null), point(['a'], null), point(['b'], 0)]);
    expect(r.points.map((p) => p.order[0])).toEqual(['a', 'c', 'b']);
  });

  it('by x descending', () => {
    const r = finishPoints(plan({ sort: { by: 'x', descending: true } }), [point([9]), point([10]), point([1])]);
    expect(orders(r)).toEqual([[10], [9], [1]]);
  });

  it('by x means the x axis even when a series is named x', () => {
    const p = plan({ series: [series('x')], sort: { by: 'x', descending: false } });
    const r = finishPoints(p, [point([2], 0, { x: 1 }), point([1], 0, { x: 2 })]);
    expect(orders(r)).toEqual([[1], [2]]);
  });
});

describe('finishPoints: maxpoints', () => {
  it('keeps the first maxpoints after sorting, and says it truncated', () => {
    const r = finishPoints(plan({ maxpoints: 2, sort: { by: 'y', descending: true } }), [point(['a'], 1), point(['b'], 3), point(['c'], 2)]);
    expect(r).toEqual({ points: [point(['b'], 3), point(['c'], 2)], truncated: true });
  });

  it('does not say it truncated when there are exactly maxpoints', () => {
    const r = finishPoints(plan({ maxpoints: 2 }), [point([2]), point([1])]);
    expect(r).toEqual({ points: [point([1]), point([2])], truncated: false });
  });
});
