import { AppError } from '../../../src/errors/catalogue';
import type { Annotation, FieldDef, FieldType } from '../../../src/model/descriptor';
import type { GeoFilter, RecordsFilter } from '../../../src/model/recordsRequest';
import { planRecordsFilter, planRecordsQuery } from '../../../src/plan/planRecordsFilter';

const field = (name: string, type: FieldType, annotations: Annotation[] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });

// The geo_shape comes before the point: geofilters apply to the first geo field.
const schema: FieldDef[] = [
  field('name', 'text', [{ name: 'facet' }]),
  field('n', 'int'),
  field('t', 'datetime', [{ name: 'facet' }]),
  field('d', 'date'),
  field('shape', 'geo_shape'),
  field('point', 'geo_point_2d'),
];
const noGeo = schema.slice(0, 4);

// Saturday 21 November 2026, 10:30 UTC.
const NOW = Date.UTC(2026, 10, 21, 10, 30);

const filter = (f: Partial<RecordsFilter> = {}): RecordsFilter => ({
  dataset: { id: 'ds' }, queries: [], refine: new Map(), exclude: new Map(), geofilters: [], timeZone: 'UTC', ...f,
});
const q = (...texts: string[]): RecordsFilter['queries'] => texts.map((text) => ({ parameter: 'q', text }));

const DISTANCE: GeoFilter = { kind: 'distance', lat: 48.85, lon: 2.35, metres: 1000 };
const POLYGON: GeoFilter = { kind: 'polygon', ring: [[48.8, 2.3], [48.9, 2.3], [48.9, 2.4], [48.8, 2.3]] };
const BBOX: GeoFilter = { kind: 'bbox', south: 48.8, west: 2.2, north: 48.9, east: 2.4 };

function refusal(run: () => unknown): { code: string; details: object; message: string } {
  try { run(); } catch (err) { if (err instanceof AppError) return { code: err.code, details: err.details, message: err.message }; throw err; }
  throw new Error('not refused');
}

describe('planRecordsQuery: q', () => {
  test('no q and no geofilter keep everything', () => {
    expect(planRecordsQuery(schema, filter(), NOW)).toEqual({ kind: 'all' });
  });

  test('q is planned against the record fields: a number comparison on v.<f>', () => {
    expect(planRecordsQuery(schema, filter({ queries: q('n>=3') }), NOW)).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 3 } });
  });

  test('every q is ANDed (ods-v1 conformance 79)', () => {
    expect(planRecordsQuery(schema, filter({ queries: q('n>=3', 'name:paris') }), NOW)).toEqual({
      kind: 'and',
      clauses: [{ kind: 'range', path: 'v.n', bounds: { gte: 3 } }, { kind: 'words', paths: ['t.name'], text: 'paris', match: 'prefix' }],
    });
  });

  test('partial dates are read in the request zone', () => {
    // 2019 in Paris (UTC+1 in winter) runs from 2018-12-31 23:00 UTC to 2019-12-31 23:00 UTC.
    expect(planRecordsQuery(schema, filter({ queries: q('t:2019'), timeZone: 'Europe/Paris' }), NOW)).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2018-12-31T23:00:00.000Z', lt: '2019-12-31T23:00:00.000Z' }, format: 'strict_date_optional_time',
    });
  });

  test('#now is the injected clock', () => {
    // One day before 2026-11-21 10:30 UTC is in the day 2026-11-20.
    expect(planRecordsQuery(schema, filter({ queries: q('d >= #now(days=-1)') }), NOW)).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2026-11-20' }, format: 'strict_date' });
  });

  test('a q naming no field of the dataset is a bad_query naming its parameter and listing the fields', () => {
    expect(refusal(() => planRecordsQuery(schema, filter({ queries: [{ parameter: 'q.mine', text: 'zz:1' }] }), NOW))).toEqual({
      code: 'bad_query',
      details: { parameter: 'q.mine', position: 0 },
      message: 'Invalid query in q.mine: unknown field "zz" (fields: name, n, t, d, shape, point) at position 0\nzz:1\n^',
    });
  });
});

describe('planRecordsQuery: geofilters', () => {
  test('each geofilter applies to the first geo field', () => {
    expect(planRecordsQuery(schema, filter({ geofilters: [DISTANCE] }), NOW)).toEqual({ kind: 'distance', path: 'v.shape', lat: 48.85, lon: 2.35, metres: 1000 });
    expect(planRecordsQuery(schema, filter({ geofilters: [POLYGON] }), NOW)).toEqual({ kind: 'polygon', path: 'v.shape', ring: [[48.8, 2.3], [48.9, 2.3], [48.9, 2.4], [48.8, 2.3]] });
    expect(planRecordsQuery(schema, filter({ geofilters: [BBOX] }), NOW)).toEqual({ kind: 'bbox', path: 'v.shape', south: 48.8, west: 2.2, north: 48.9, east: 2.4 });
    expect(planRecordsQuery(schema.filter((f) => f.name !== 'shape'), filter({ geofilters: [DISTANCE] }), NOW)).toEqual({
      kind: 'distance', path: 'v.point', lat: 48.85, lon: 2.35, metres: 1000,
    });
  });

  test('geofilters are ANDed with q and with each other', () => {
    expect(planRecordsQuery(schema, filter({ queries: q('n>=3'), geofilters: [DISTANCE, BBOX] }), NOW)).toEqual({
      kind: 'and',
      clauses: [
        { kind: 'range', path: 'v.n', bounds: { gte: 3 } },
        { kind: 'distance', path: 'v.shape', lat: 48.85, lon: 2.35, metres: 1000 },
        { kind: 'bbox', path: 'v.shape', south: 48.8, west: 2.2, north: 48.9, east: 2.4 },
      ],
    });
  });

  test('a dataset without a geo field refuses them, naming the first geofilter sent', () => {
    expect(refusal(() => planRecordsQuery(noGeo, filter({ geofilters: [DISTANCE, BBOX] }), NOW))).toEqual({
      code: 'bad_parameter', details: { parameter: 'geofilter.distance' }, message: 'This dataset has no geographic field to filter on.',
    });
    expect(refusal(() => planRecordsQuery(noGeo, filter({ geofilters: [BBOX] }), NOW)).details).toEqual({ parameter: 'geofilter.bbox' });
    expect(refusal(() => planRecordsQuery(noGeo, filter({ geofilters: [POLYGON] }), NOW)).details).toEqual({ parameter: 'geofilter.polygon' });
  });

  test('without geofilters a dataset needs no geo field', () => {
    expect(planRecordsQuery(noGeo, filter({ queries: q('n>=3') }), NOW)).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 3 } });
  });
});

describe('planRecordsFilter: q, geofilters, refines and excludes in one predicate', () => {
  test('nothing at all keeps everything', () => {
    expect(planRecordsFilter(schema, filter(), NOW)).toEqual({ kind: 'all' });
  });

  test('a refine alone is its term', () => {
    expect(planRecordsFilter(schema, filter({ refine: new Map([['name', ['Paris']]]) }), NOW)).toEqual({ kind: 'term', path: 'v.name', value: 'Paris' });
  });

  test('q, then the refines and excludes of every field', () => {
    const f = filter({ queries: q('n>=3'), refine: new Map([['name', ['Paris']]]), exclude: new Map([['name', ['Lyon']]]) });
    expect(planRecordsFilter(schema, f, NOW)).toEqual({
      kind: 'and',
      clauses: [
        { kind: 'range', path: 'v.n', bounds: { gte: 3 } },
        { kind: 'and', clauses: [{ kind: 'term', path: 'v.name', value: 'Paris' }, { kind: 'not', clause: { kind: 'term', path: 'v.name', value: 'Lyon' } }] },
      ],
    });
  });

  test('geofilters come with the query, before the refines', () => {
    expect(planRecordsFilter(schema, filter({ geofilters: [DISTANCE], refine: new Map([['name', ['Paris']]]) }), NOW)).toEqual({
      kind: 'and',
      clauses: [{ kind: 'distance', path: 'v.shape', lat: 48.85, lon: 2.35, metres: 1000 }, { kind: 'term', path: 'v.name', value: 'Paris' }],
    });
  });

  test('without facets there is no disjunctive: several refines on a field are ANDed even when the request carries disjunctive', () => {
    const f = { ...filter({ refine: new Map([['name', ['Paris', 'Lyon']]]) }), disjunctive: new Set(['name']) };
    expect(planRecordsFilter(schema, f, NOW)).toEqual({
      kind: 'and', clauses: [{ kind: 'term', path: 'v.name', value: 'Paris' }, { kind: 'term', path: 'v.name', value: 'Lyon' }],
    });
  });

  test('a datetime refine is its period in the request zone', () => {
    // July 2019 in Paris (UTC+2 in summer): 2019-06-30 22:00 to 2019-07-31 22:00 UTC.
    expect(planRecordsFilter(schema, filter({ refine: new Map([['t', ['2019/07']]]), timeZone: 'Europe/Paris' }), NOW)).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2019-06-30T22:00:00.000Z', lt: '2019-07-31T22:00:00.000Z' }, format: 'strict_date_optional_time',
    });
  });

  test('an unknown refined field is a 400 naming its parameter', () => {
    expect(refusal(() => planRecordsFilter(schema, filter({ exclude: new Map([['zz', ['1']]]) }), NOW))).toEqual({
      code: 'bad_parameter', details: { parameter: 'exclude.zz' }, message: 'Unknown field "zz" in exclude.zz.',
    });
  });
});
