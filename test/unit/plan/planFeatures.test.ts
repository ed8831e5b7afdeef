import { AppError } from '../../../src/errors/catalogue';
import type { FieldDef } from '../../../src/model/descriptor';
import type { DatasetTarget } from '../../../src/model/dataset';
import type { FeaturesRequest, FilterCrs } from '../../../src/model/featuresRequest';
import type { Predicate } from '../../../src/model/predicate';
import { planFeatures } from '../../../src/plan/planFeatures';

const field = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const kind = field('kind', 'text', [{ name: 'facet' }]);
const n = field('n', 'int');
const t = field('t', 'datetime');
const geo = field('geo', 'geo_point_2d');
const trees: DatasetTarget = { index: 'records-trees', datasetId: 'trees', schema: [kind, n, t, geo] };
const CRS84: FilterCrs = { uri: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84', isWgs84: true, toLonLat: (p) => p };

function items(over: Partial<FeaturesRequest> = {}): FeaturesRequest {
  return { dataset: { id: 'trees' }, queries: [], refine: new Map(), exclude: new Map(), geofilters: [], timeZone: 'UTC', limit: 10, ...over };
}

function refusal(run: () => unknown): { code: string; parameter: string | undefined; message: string; position?: number } {
  try { run(); } catch (err) {
    if (err instanceof AppError) return { code: err.code, parameter: err.details.parameter, message: err.message, ...(err.details.position !== undefined ? { position: err.details.position } : {}) };
    throw err;
  }
  throw new Error('not refused');
}

describe('planFeatures: the page', () => {
  test('no filter: every record, `limit` of them from the first, in record id order, no facets, every field', () => {
    expect(planFeatures(items({ limit: 25 }), trees, 0)).toEqual({
      index: 'records-trees', datasetId: 'trees', schema: [kind, n, t, geo],
      query: { kind: 'all' }, filters: [], facets: [], sort: [{ path: 'recordid', order: 'asc' }],
      rows: 25, start: 0, fields: undefined, timeZone: 'UTC',
    });
  });

  test('a property filter is a refine on its facet field; bbox a geofilter on the first geo field', () => {
    const plan = planFeatures(items({ refine: new Map([['kind', ['oak']]]), geofilters: [{ kind: 'bbox', south: 48.8, west: 2.3, north: 48.9, east: 2.4 }] }), trees, 0);
    expect(plan.filters).toEqual([{ field: 'kind', disjunctive: false, refine: { kind: 'term', path: 'v.kind', value: 'oak' } }]);
    expect(plan.query).toEqual({ kind: 'bbox', path: 'v.geo', south: 48.8, west: 2.3, north: 48.9, east: 2.4 });
    // A refined facet field is a group of the plan, but OGC items compute no counts from it.
    expect(plan.facets.map((f) => f.name)).toEqual(['kind']);
  });

  test('a dataset without a geographic field is no collection: 404 naming collectionId', () => {
    const budget: DatasetTarget = { index: 'records-budget', datasetId: 'budget', schema: [kind, n] };
    expect(refusal(() => planFeatures(items(), budget, 0))).toEqual({ code: 'not_found', parameter: 'collectionId', message: 'Unknown collection: budget' });
  });
});

describe('planFeatures: filter and datetime', () => {
  // n is an int: `n > 3` is n ≥ 4.
  const cql2: Predicate = { kind: 'range', path: 'v.n', bounds: { gte: 4 } };

  test('a CQL2 filter is ANDed with the other filters', () => {
    expect(planFeatures(items({ filter: { text: 'n > 3', crs: CRS84 } }), trees, 0).query).toEqual(cql2);
    const bbox: Predicate = { kind: 'bbox', path: 'v.geo', south: 0, west: 0, north: 1, east: 1 };
    expect(planFeatures(items({ filter: { text: 'n > 3', crs: CRS84 }, geofilters: [{ kind: 'bbox', south: 0, west: 0, north: 1, east: 1 }] }), trees, 0).query)
      .toEqual({ kind: 'and', clauses: [bbox, cql2] });
  });

  test('a DATE in the filter is its UTC day, whatever the request zone', () => {
    const plan = planFeatures(items({ timeZone: 'Europe/Paris', filter: { text: "t = DATE('2020-01-01')", crs: CRS84 } }), trees, 0);
    expect(plan.query).toEqual({ kind: 'range', path: 'v.t', bounds: { gte: '2020-01-01T00:00:00.000Z', lt: '2020-01-02T00:00:00.000Z' }, format: 'strict_date_optional_time' });
  });

  test('the filter\'s geometries are read in its filter-crs', () => {
    const latFirst: FilterCrs = { uri: 'http://www.opengis.net/def/crs/EPSG/0/4326', isWgs84: true, toLonLat: ([a, b]) => [b, a] };
    expect(planFeatures(items({ filter: { text: 'S_INTERSECTS(geo, POINT(48.85 2.35))', crs: latFirst } }), trees, 0).query)
      .toEqual({ kind: 'bbox', path: 'v.geo', south: 48.85, west: 2.35, north: 48.85, east: 2.35 });
  });

  test('datetime is a range on the first date field; with a filter, both', () => {
    const day: Predicate = { kind: 'range', path: 'v.t', bounds: { gte: '2019-06-21T00:00:00.000Z', lt: '2019-06-22T00:00:00.000Z' }, format: 'strict_date_optional_time' };
    expect(planFeatures(items({ datetime: { start: '2019-06-21', end: '2019-06-21' } }), trees, 0).query).toEqual(day);
    expect(planFeatures(items({ datetime: { start: '2019-06-21', end: '2019-06-21' }, filter: { text: 'n > 3', crs: CRS84 } }), trees, 0).query)
      .toEqual({ kind: 'and', clauses: [cql2, day] });
  });

  test('an open datetime (`../..`) filters nothing', () => {
    expect(planFeatures(items({ datetime: {} }), trees, 0).query).toEqual({ kind: 'all' });
  });

  test('a refused filter is a bad_query naming filter, with its position', () => {
    expect(refusal(() => planFeatures(items({ filter: { text: "n = 'a'", crs: CRS84 } }), trees, 0))).toEqual({
      code: 'bad_query', parameter: 'filter', position: 4,
      message: 'Invalid query in filter: property "n" is a number: compare it with a number at position 4\nn = \'a\'\n    ^',
    });
  });

  test('datetime on a collection without a date field is refused under datetime', () => {
    const noDate: DatasetTarget = { index: 'records-x', datasetId: 'x', schema: [kind, geo] };
    expect(refusal(() => planFeatures(items({ datetime: { start: '2019-06-21' } }), noDate, 0))).toEqual({
      code: 'bad_parameter', parameter: 'datetime', message: 'This collection has no temporal property: datetime cannot be used on it.',
    });
  });
});
