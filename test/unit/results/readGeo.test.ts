import type { SearchHit, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { previewPieces, readBoundingBox, readGeoCells, readGeopreview, readGeoProbe, readPreviewHits } from '../../../src/results/readGeo';
import type { Series } from '../../../src/model/analyze';
import type { RecordHit } from '../../../src/model/searchResult';

const response = (total: number, aggregations?: Record<string, unknown>, hits: SearchHit<RecordHit>[] = []): SearchResponse<RecordHit> =>
  ({ took: 1, timed_out: false, _shards: { total: 1, successful: 1, failed: 0 }, hits: { total: { value: total, relation: 'eq' }, hits }, ...(aggregations ? { aggregations } : {}) }) as SearchResponse<RecordHit>;
const bounds = (w: number, s: number, e: number, n: number) => ({ top_left: { lat: n, lon: w }, bottom_right: { lat: s, lon: e } });
const series = (name: string): Series => ({ name, func: 'AVG', field: name, cumulative: false });

describe('readGeoProbe', () => {
  it('answers the total and the bounds of the points', () => {
    expect(readGeoProbe(response(4, { bounds: { bounds: bounds(1, 2, 3, 4) } }))).toEqual({ total: 4, bounds: bounds(1, 2, 3, 4) });
  });

  it('has no bounds when no record has a point', () => {
    expect(readGeoProbe(response(0, { bounds: {} }))).toEqual({ total: 0 });
    expect(readGeoProbe(response(0))).toEqual({ total: 0 });
  });
});

describe('readGeoCells', () => {
  const cell = (key: string, docs: number, extra: Record<string, unknown> = {}) => ({
    key: { cell: key }, doc_count: docs, centroid: { location: { lat: 45, lon: 5 }, count: docs }, bounds: { bounds: bounds(4, 44, 6, 46) }, ...extra,
  });

  it('reads each cell: centroid, count, bounds [w, s, e, n] and each series statistics', () => {
    const res = response(3, { grid: { buckets: [cell('0/0/0', 3, { s_y: { count: 2, sum: 10, min: 4, max: 6, sum_of_squares: 52, avg: 5 } })] } });
    expect(readGeoCells(res, [series('y'), series('z')], 10)).toEqual({
      cells: [{
        lat: 45, lon: 5, count: 3, bounds: [4, 44, 6, 46],
        accs: new Map([
          ['y', { docs: 3, n: 2, sum: 10, sumsq: 52, min: 4, max: 6 }],
          // No statistics for z in the answer: its records are counted, nothing else.
          ['z', { docs: 3, n: 0, sum: 0, sumsq: 0, min: Infinity, max: -Infinity }],
        ]),
      }],
    });
  });

  it('counts only the records of a series whose records have no value', () => {
    const res = response(2, { grid: { buckets: [cell('c', 2, { s_y: { count: 0, sum: null, min: null, max: null, sum_of_squares: null } })] } });
    expect(readGeoCells(res, [series('y')], 10).cells[0].accs.get('y')).toEqual({ docs: 2, n: 0, sum: 0, sumsq: 0, min: Infinity, max: -Infinity });
  });

  it('leaves out a cell without centroid or bounds', () => {
    const res = response(3, { grid: { buckets: [cell('a', 1, { centroid: { count: 0 } }), cell('b', 1, { bounds: {} }), cell('c', 1)] } });
    expect(readGeoCells(res, [], 10).cells).toHaveLength(1);
  });

  it('goes on after a full page only', () => {
    const full = response(2, { grid: { buckets: [cell('a', 1), cell('b', 1)], after_key: { cell: 'b' } } });
    expect(readGeoCells(full, [], 2).after).toEqual({ cell: 'b' });
    // Elasticsearch gives an after_key on the last page too: fewer buckets than the page size means it is the last.
    const last = response(2, { grid: { buckets: [cell('a', 1), cell('b', 1)], after_key: { cell: 'b' } } });
    expect(readGeoCells(last, [], 3)).not.toHaveProperty('after');
    const noKey = response(2, { grid: { buckets: [cell('a', 1), cell('b', 1)] } });
    expect(readGeoCells(noKey, [], 2)).not.toHaveProperty('after');
  });

  it('has no cells without the grid', () => {
    expect(readGeoCells(response(0), [], 10)).toEqual({ cells: [] });
    expect(readGeoCells(response(0, { grid: {} }), [], 0)).toEqual({ cells: [] });
  });
});

describe('readBoundingBox', () => {
  it('answers the count, [west, south, east, north] and the count of each geometry type', () => {
    const res = response(5, {
      bounds: { bounds: bounds(-1.5, 43, 7.25, 50) },
      types: { buckets: [{ key: 'Point', doc_count: 3 }, { key: 'Polygon', doc_count: 2 }] },
    });
    expect(readBoundingBox(res)).toEqual({ count: 5, bbox: [-1.5, 43, 7.25, 50], geometries: { Point: 3, Polygon: 2 } });
  });

  it('answers an empty box and no types without points', () => {
    expect(readBoundingBox(response(0, { bounds: {}, types: {} }))).toEqual({ count: 0, bbox: [], geometries: {} });
    expect(readBoundingBox(response(0))).toEqual({ count: 0, bbox: [], geometries: {} });
  });
});

describe('readGeopreview', () => {
  const point = { type: 'Point', coordinates: [1, 2] };
  // sha1 of the stored geometry's JSON, worked out with `printf '%s' '<json>' | sha1sum`.
  const POINT_SHA1 = '8dc1718b113e9d820ec7801eeed20e999f7e6e3b';
  const bumpy = { type: 'LineString', coordinates: [[0, 0], [1, 0.001], [2, 0]] };
  const BUMPY_SHA1 = '6e81e4b1276d2644308fa58836285b25b2d4be12';
  const hit = (recordid: string, fields: Record<string, unknown>, geometry?: unknown): SearchHit<RecordHit> =>
    ({ _index: 'i', _id: recordid, _source: { datasetid: 'd', recordid, record_timestamp: 't', fields, ...(geometry ? { geometry } : {}) } }) as SearchHit<RecordHit>;

  it('answers the record point when the dataset has no shape field, skipping records without one', () => {
    const res = response(2, undefined, [hit('a', {}, point), hit('b', {})]);
    expect(readGeopreview(res, undefined)).toEqual([{ recordid: 'a', geometry: point, geo_digest: POINT_SHA1 }]);
  });

  it('answers the shape of the shape field, else the point', () => {
    const hits = [hit('a', { shape: bumpy }, point), hit('b', {}, point)];
    expect(readPreviewHits(hits, 'shape')).toEqual([
      { recordid: 'a', geometry: bumpy, geo_digest: BUMPY_SHA1 },
      { recordid: 'b', geometry: point, geo_digest: POINT_SHA1 },
    ]);
  });

  it('simplifies a shape to a pixel at the zoom, the digest staying that of the stored shape', () => {
    // At zoom 0 a pixel is 360/256 ≈ 1.4°: the 0.001° bump goes. At zoom 20 a pixel is about 1.3e-6°: it stays.
    expect(readPreviewHits([hit('a', { shape: bumpy })], 'shape', 0)).toEqual([
      { recordid: 'a', geometry: { type: 'LineString', coordinates: [[0, 0], [2, 0]] }, geo_digest: BUMPY_SHA1 },
    ]);
    expect(readPreviewHits([hit('a', { shape: bumpy })], 'shape', 20)[0].geometry).toEqual(bumpy);
  });

  it('does not simplify a point, nor a geometry without coordinates', () => {
    const collection = { type: 'GeometryCollection', geometries: [bumpy] };
    const [p, c] = readPreviewHits([hit('p', {}, point), hit('c', { shape: collection })], 'shape', 0);
    expect(p.geometry).toBe(point);
    expect(c.geometry).toBe(collection);
  });

  it('answers each later piece of hits as geometries', async () => {
    async function* pieces(): AsyncGenerator<SearchHit<RecordHit>[]> {
      yield [hit('a', { shape: bumpy })];
      yield [hit('b', {}, point), hit('c', {})];
    }
    const out: string[][] = [];
    for await (const items of previewPieces(pieces(), 'shape', 0)) out.push(items.map((i) => `${i.recordid}:${JSON.stringify(i.geometry)}`));
    expect(out).toEqual([['a:{"type":"LineString","coordinates":[[0,0],[2,0]]}'], ['b:{"type":"Point","coordinates":[1,2]}']]);
  });
});
