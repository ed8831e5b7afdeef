import { compileBoundingBox, compileGeoGrid, compileGeopreview, compileGeoProbe, MAX_CLUSTER_CELLS } from '../../../src/compile/compileGeo';
import type { Series } from '../../../src/model/analyze';
import type { GeoPlan } from '../../../src/model/geo';

const series: Series[] = [
  { name: 'pop', func: 'AVG', field: 'population', cumulative: false },
  { name: 'n', func: 'COUNT', cumulative: false },
];
const plan = (s: Series[] = []): GeoPlan => ({ index: 'rec', query: { kind: 'term', path: 'v.kind', value: 'k' }, geoField: 'geo', series: s });
const QUERY = { term: { 'v.kind': { value: 'k' } } };

describe('compileGeoProbe', () => {
  test('the exact count and the bounds of the points, no hits', () => {
    expect(compileGeoProbe(plan(series))).toStrictEqual({
      index: 'rec', size: 0, track_total_hits: true, query: QUERY, aggs: { bounds: { geo_bounds: { field: 'v.geo' } } },
    });
  });
});

describe('compileGeoGrid', () => {
  test('a geocluster reads at most 65,536 cells', () => {
    expect(MAX_CLUSTER_CELLS).toBe(65_536);
  });

  test('one page of geotile cells at a precision, each with its centroid, bounds and the statistics of each field series', () => {
    expect(compileGeoGrid(plan(series), 7, 500)).toStrictEqual({
      index: 'rec', size: 0, query: QUERY,
      aggs: {
        grid: {
          composite: { size: 500, sources: [{ cell: { geotile_grid: { field: 'v.geo', precision: 7 } } }] },
          aggs: { centroid: { geo_centroid: { field: 'v.geo' } }, bounds: { geo_bounds: { field: 'v.geo' } }, s_pop: { extended_stats: { field: 'v.population' } } },
        },
      },
    });
  });

  test('a next page starts after the previous key; without series, centroid and bounds only', () => {
    expect(compileGeoGrid(plan(), 0, 1, { cell: '3/4/2' })).toStrictEqual({
      index: 'rec', size: 0, query: QUERY,
      aggs: {
        grid: {
          composite: { size: 1, sources: [{ cell: { geotile_grid: { field: 'v.geo', precision: 0 } } }], after: { cell: '3/4/2' } },
          aggs: { centroid: { geo_centroid: { field: 'v.geo' } }, bounds: { geo_bounds: { field: 'v.geo' } } },
        },
      },
    });
  });
});

describe('compileBoundingBox', () => {
  test('the records with a point: exact count, bounds, and up to 20 geometry types', () => {
    expect(compileBoundingBox(plan(series))).toStrictEqual({
      index: 'rec', size: 0, track_total_hits: true,
      query: { bool: { filter: [QUERY, { exists: { field: 'v.geo' } }] } },
      aggs: { bounds: { geo_bounds: { field: 'v.geo' } }, types: { terms: { field: 'geometry_type', size: 20 } } },
    });
  });
});

describe('compileGeopreview', () => {
  test('the first rows by record id, with their point', () => {
    expect(compileGeopreview(plan(), undefined, 50)).toStrictEqual({
      index: 'rec', size: 50, query: QUERY, sort: [{ recordid: { order: 'asc' } }], _source: ['recordid', 'geometry'],
    });
  });

  test('with a shape field, its shape as published too', () => {
    expect(compileGeopreview(plan(), 'outline', 0)).toStrictEqual({
      index: 'rec', size: 0, query: QUERY, sort: [{ recordid: { order: 'asc' } }], _source: ['recordid', 'geometry', 'fields.outline'],
    });
    expect(compileGeopreview(plan(), '', 1)).toStrictEqual({
      index: 'rec', size: 1, query: QUERY, sort: [{ recordid: { order: 'asc' } }], _source: ['recordid', 'geometry'],
    });
  });
});
