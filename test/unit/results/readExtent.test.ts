import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { readExtent } from '../../../src/results/readExtent';

const response = (aggregations?: Record<string, unknown>): SearchResponse =>
  ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { hits: [] }, ...(aggregations ? { aggregations } : {}) }) as SearchResponse;

describe('readExtent', () => {
  it('turns geo_bounds (top-left, bottom-right) into [west, south, east, north]', () => {
    const res = response({ bounds: { bounds: { top_left: { lat: 48.9, lon: 2.2 }, bottom_right: { lat: 48.8, lon: 2.5 } } } });
    expect(readExtent(res)).toEqual({ bbox: [2.2, 48.8, 2.5, 48.9] });
  });

  it('has no box when no record has a point (geo_bounds answers without bounds)', () => {
    expect(readExtent(response({ bounds: {} }))).toEqual({});
  });

  it('answers nothing when the response has no aggregations', () => {
    expect(readExtent(response())).toEqual({});
  });

  it('takes the interval ends as Elasticsearch formats them', () => {
    const res = response({
      bounds: {},
      first: { value: 1577836800000, value_as_string: '2020-01-01' },
      last: { value: 1609372800000, value_as_string: '2020-12-31' },
    });
    expect(readExtent(res)).toEqual({ interval: ['2020-01-01', '2020-12-31'] });
  });

  it('formats an end as an ISO instant when Elasticsearch gives only the number', () => {
    // 86400000 ms after the epoch is 1970-01-02T00:00:00Z.
    const res = response({ first: { value: 0 }, last: { value: 86400000 } });
    expect(readExtent(res)).toEqual({ interval: ['1970-01-01T00:00:00.000Z', '1970-01-02T00:00:00.000Z'] });
  });

  it('has null ends when the temporal field has no value', () => {
    expect(readExtent(response({ first: { value: null }, last: { value: null } }))).toEqual({ interval: [null, null] });
  });

  it('has a null last end when the last aggregation is missing', () => {
    expect(readExtent(response({ first: { value: 0, value_as_string: 'x' } }))).toEqual({ interval: ['x', null] });
  });
});
