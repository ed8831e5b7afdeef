import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { orderDistinct, readDistinctPage, type DistinctRow } from '../../../src/results/readDistinct';
import type { DistinctPlan, SortKey } from '../../../src/model/searchPlan';

const plan = (paths: string[], order: SortKey[] = []): DistinctPlan =>
  ({ index: 'i', query: { kind: 'all' }, keys: paths.map((path) => ({ path, geo: false })), order }) as unknown as DistinctPlan;

const response = (aggregations?: Record<string, unknown>): SearchResponse =>
  ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { hits: [] }, ...(aggregations ? { aggregations } : {}) }) as SearchResponse;

const row = (key: Array<string | number | null>, first: number): DistinctRow => ({ key, first });

describe('readDistinctPage', () => {
  it('reads each bucket key in the order of the plan keys (k0, k1, …) with its first line', () => {
    const res = response({
      rows: {
        after_key: { k0: 'b', k1: 2 },
        buckets: [
          { key: { k1: 1, k0: 'a' }, doc_count: 3, first: { value: 4 } },
          { key: { k0: 'b', k1: 2 }, doc_count: 1, first: { value: 9 } },
        ],
      },
    });
    expect(readDistinctPage(plan(['f.x', 'f.y']), res)).toEqual({
      rows: [row(['a', 1], 4), row(['b', 2], 9)],
      after: { k0: 'b', k1: 2 },
    });
  });

  it('reads a missing value (null key, or no key at all) as null and a missing first line as 0', () => {
    const res = response({ rows: { buckets: [{ key: { k0: null }, doc_count: 2, first: { value: null } }, { key: {}, doc_count: 1 }] } });
    expect(readDistinctPage(plan(['f.x', 'f.y']), res)).toEqual({ rows: [row([null, null], 0), row([null, null], 0)] });
  });

  it('has no next page without after_key, and no rows without the aggregation', () => {
    expect(readDistinctPage(plan(['f.x']), response())).toEqual({ rows: [] });
    expect(readDistinctPage(plan(['f.x']), response({ rows: {} }))).toEqual({ rows: [] });
  });
});

describe('orderDistinct', () => {
  it('without sort clauses: by first record', () => {
    const rows = [row(['c'], 30), row(['a'], 10), row(['b'], 20)];
    expect(orderDistinct(plan(['f.x']), rows).map((r) => r.first)).toEqual([10, 20, 30]);
  });

  it('numbers by value (9 before 10), ascending or descending', () => {
    const rows = [row([10], 1), row([9], 2), row([100], 3)];
    expect(orderDistinct(plan(['n'], [{ path: 'n', order: 'asc' }]), rows).map((r) => r.key[0])).toEqual([9, 10, 100]);
    expect(orderDistinct(plan(['n'], [{ path: 'n', order: 'desc' }]), rows).map((r) => r.key[0])).toEqual([100, 10, 9]);
  });

  it('texts by UTF-8 bytes, as Elasticsearch orders keywords, not by UTF-16 units', () => {
    // U+1F600 is D83D DE00 in UTF-16 (before U+FF5E = FF5E) but F0 9F 98 80 in UTF-8 (after EF BD 9E).
    // And "B" (42) < "a" (61) < "é" (C3 A9).
    const rows = [row(['\u{1F600}'], 1), row(['\uFF5E'], 2), row(['é'], 3), row(['a'], 4), row(['B'], 5)];
    expect(orderDistinct(plan(['t'], [{ path: 't', order: 'asc' }]), rows).map((r) => r.key[0])).toEqual(['B', 'a', 'é', '\uFF5E', '\u{1F600}']);
  });

  it('a longer text after its prefix', () => {
    const rows = [row(['ab'], 1), row(['a'], 2)];
    expect(orderDistinct(plan(['t'], [{ path: 't', order: 'asc' }]), rows).map((r) => r.key[0])).toEqual(['a', 'ab']);
  });

  it('a missing value last whichever the direction', () => {
    const rows = [row([null], 1), row([2], 2), row([1], 3)];
    expect(orderDistinct(plan(['n'], [{ path: 'n', order: 'asc' }]), [...rows]).map((r) => r.key[0])).toEqual([1, 2, null]);
    expect(orderDistinct(plan(['n'], [{ path: 'n', order: 'desc' }]), [...rows]).map((r) => r.key[0])).toEqual([2, 1, null]);
    const reversed = [row([1], 3), row([null], 1)];
    expect(orderDistinct(plan(['n'], [{ path: 'n', order: 'desc' }]), reversed).map((r) => r.key[0])).toEqual([1, null]);
  });

  it('two missing values tie: the next clause, then the first record, decide', () => {
    const rows = [row([null, 'b'], 1), row([null, 'a'], 2), row([null, 'a'], 0)];
    const ordered = orderDistinct(plan(['n', 't'], [{ path: 'n', order: 'asc' }, { path: 't', order: 'asc' }]), rows);
    expect(ordered.map((r) => [r.key[1], r.first])).toEqual([['a', 0], ['a', 2], ['b', 1]]);
  });

  it('later clauses break ties of earlier ones; the key of a clause is found by its path', () => {
    // Keys are [a, b]; the order is b desc, then a asc.
    const rows = [row([1, 'x'], 1), row([2, 'y'], 2), row([0, 'y'], 3), row([5, 'x'], 4)];
    const ordered = orderDistinct(plan(['a', 'b'], [{ path: 'b', order: 'desc' }, { path: 'a', order: 'asc' }]), rows);
    expect(ordered.map((r) => r.key)).toEqual([[0, 'y'], [2, 'y'], [1, 'x'], [5, 'x']]);
  });

  it('sorts on the line of the first record when a clause names `line`', () => {
    const rows = [row(['a'], 1), row(['b'], 3), row(['c'], 2)];
    expect(orderDistinct(plan(['t'], [{ path: 'line', order: 'desc' }]), rows).map((r) => r.first)).toEqual([3, 2, 1]);
  });

  it('compares a number with a text as texts', () => {
    // String(10) = "10" < "9" byte-wise.
    const rows = [row(['9'], 1), row([10], 2)];
    expect(orderDistinct(plan(['v'], [{ path: 'v', order: 'asc' }]), rows).map((r) => r.key[0])).toEqual([10, '9']);
  });
});
