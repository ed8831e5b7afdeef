import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { readAnalyzeTotals, readCompositePage } from '../../../src/results/readAnalyze';

const response = (total: number, aggregations?: Record<string, unknown>): SearchResponse =>
  ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { total: { value: total, relation: 'eq' }, hits: [] }, ...(aggregations ? { aggregations } : {}) }) as SearchResponse;

describe('readAnalyzeTotals', () => {
  it('is one bucket of every matching record, with the series statistics', () => {
    const stats = { count: 2, sum: 3, min: 1, max: 2, sum_of_squares: 5 };
    expect(readAnalyzeTotals(response(12, { s_y: stats }))).toEqual({ key: {}, doc_count: 12, s_y: stats });
  });

  it('is a bare count without aggregations', () => {
    expect(readAnalyzeTotals(response(0))).toEqual({ key: {}, doc_count: 0 });
  });
});

describe('readCompositePage', () => {
  it('answers the buckets and the key to go on after', () => {
    const buckets = [{ key: { x0: 'a' }, doc_count: 1 }, { key: { x0: 'b' }, doc_count: 4 }];
    expect(readCompositePage(response(5, { points: { buckets, after_key: { x0: 'b' } } }))).toEqual({ buckets, after: { x0: 'b' } });
  });

  it('has no next key on the last page', () => {
    expect(readCompositePage(response(0, { points: { buckets: [] } }))).toEqual({ buckets: [] });
  });

  it('has no buckets without the aggregation', () => {
    expect(readCompositePage(response(0))).toEqual({ buckets: [] });
    expect(readCompositePage(response(0, { points: {} }))).toEqual({ buckets: [] });
  });
});
