import { compileExtent } from '../../../src/compile/compileExtent';

describe('compileExtent', () => {
  test('no hits, no total: the bounds of the points and the first and last time', () => {
    expect(compileExtent('rec-1', 'v.geo', 'v.when')).toStrictEqual({
      index: 'rec-1', size: 0, track_total_hits: false,
      aggs: { bounds: { geo_bounds: { field: 'v.geo' } }, first: { min: { field: 'v.when' } }, last: { max: { field: 'v.when' } } },
    });
  });

  test('without a temporal field, the bounds only', () => {
    const boundsOnly = { index: 'rec-1', size: 0, track_total_hits: false, aggs: { bounds: { geo_bounds: { field: 'v.geo' } } } };
    expect(compileExtent('rec-1', 'v.geo', undefined)).toStrictEqual(boundsOnly);
    expect(compileExtent('rec-1', 'v.geo', '')).toStrictEqual(boundsOnly);
  });
});
