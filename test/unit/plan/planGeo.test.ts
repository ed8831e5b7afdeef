import { AppError } from '../../../src/errors/catalogue';
import type { DatasetTarget } from '../../../src/model/dataset';
import type { FieldDef, FieldType } from '../../../src/model/descriptor';
import type { GeoRequest, SeriesParams } from '../../../src/model/recordsRequest';
import { planGeo } from '../../../src/plan/planGeo';

const field = (name: string, type: FieldType): FieldDef => ({ name, label: name, type, annotations: [], source: { column: name } });

// The geo_shape comes before the point: the map is drawn from the first geo field.
const schema: FieldDef[] = [field('name', 'text'), field('n', 'int'), field('x', 'double'), field('d', 'date'), field('shape', 'geo_shape'), field('point', 'geo_point_2d')];
const target = (s: FieldDef[] = schema): DatasetTarget => ({ index: 'records-ds-v1', datasetId: 'ds', schema: s });

// Saturday 21 November 2026, 10:30 UTC.
const NOW = Date.UTC(2026, 10, 21, 10, 30);

const request = (r: Partial<GeoRequest> = {}): GeoRequest => ({
  dataset: { id: 'ds' }, queries: [], refine: new Map(), exclude: new Map(), geofilters: [], timeZone: 'UTC',
  clusterdistance: 50, shapeprecision: 1, series: [], rows: 10, format: 'json', prettyPrint: false, ...r,
});
const serie = (name: string, func: SeriesParams['func'], expr: string, cumulative = false): SeriesParams => ({ name, func, expr, cumulative });

function refusal(run: () => unknown): { code: string; details: object; message: string } {
  try { run(); } catch (err) { if (err instanceof AppError) return { code: err.code, details: err.details, message: err.message }; throw err; }
  throw new Error('not refused');
}

describe('planGeo', () => {
  test('every record, on the first geo field, with no series', () => {
    expect(planGeo(request(), target(), NOW)).toEqual({ index: 'records-ds-v1', query: { kind: 'all' }, geoField: 'shape', series: [] });
    expect(planGeo(request(), target(schema.filter((f) => f.name !== 'shape')), NOW).geoField).toBe('point');
  });

  test('q, geofilters and refines make the query', () => {
    const r = request({
      queries: [{ parameter: 'q', text: 'd >= #now(days=-1)' }],
      geofilters: [{ kind: 'bbox', south: 48.8, west: 2.2, north: 48.9, east: 2.4 }],
      refine: new Map([['name', ['Paris']]]),
    });
    expect(planGeo(r, target(), NOW).query).toEqual({
      kind: 'and',
      clauses: [
        {
          kind: 'and',
          clauses: [
            // One day before 2026-11-21 10:30 UTC is in the day 2026-11-20.
            { kind: 'range', path: 'v.d', bounds: { gte: '2026-11-20' }, format: 'strict_date' },
            { kind: 'bbox', path: 'v.shape', south: 48.8, west: 2.2, north: 48.9, east: 2.4 },
          ],
        },
        { kind: 'term', path: 'v.name', value: 'Paris' },
      ],
    });
  });

  test('a dataset without a geo field cannot be mapped: a 400 naming dataset', () => {
    expect(refusal(() => planGeo(request(), target(schema.slice(0, 4)), NOW))).toEqual({
      code: 'bad_parameter', details: { parameter: 'dataset' }, message: 'Dataset ds has no geographic field.',
    });
  });

  test('COUNT needs no expression; no series of a map is cumulative', () => {
    expect(planGeo(request({ series: [serie('c', 'COUNT', 'not read at all (', true)] }), target(), NOW).series).toEqual([{ name: 'c', func: 'COUNT', cumulative: false }]);
  });

  test('other functions take a numeric field, int or double', () => {
    const r = request({ series: [serie('avg', 'AVG', 'n', true), serie('total', 'SUM', ' x '), serie('c', 'COUNT', '')] });
    expect(planGeo(r, target(), NOW).series).toEqual([
      { name: 'avg', func: 'AVG', expr: { kind: 'field', name: 'n' }, field: 'n', cumulative: false },
      { name: 'total', func: 'SUM', expr: { kind: 'field', name: 'x' }, field: 'x', cumulative: false },
      { name: 'c', func: 'COUNT', cumulative: false },
    ]);
  });

  test.each([
    ['n * 2', 'an expression, not a field'],
    ['2', 'a number'],
    ['zz', 'an unknown field'],
    ['name', 'a text field'],
    ['d', 'a date field'],
    ['shape', 'a geo field'],
  ])('%j (%s) is a 400 naming y.<serie>.expr', (expr) => {
    expect(refusal(() => planGeo(request({ series: [serie('pop', 'MAX', expr)] }), target(), NOW))).toEqual({
      code: 'bad_parameter', details: { parameter: 'y.pop.expr' }, message: 'Invalid y.pop.expr: a numeric field of the dataset is expected here.',
    });
  });

  test('an expression that does not parse is refused with its position, naming y.<serie>.expr', () => {
    expect(refusal(() => planGeo(request({ series: [serie('pop', 'MIN', '')] }), target(), NOW))).toEqual({
      code: 'bad_parameter', details: { parameter: 'y.pop.expr', position: 0 }, message: 'Invalid y.pop.expr: empty expression at position 0',
    });
  });

  test('an unknown refined field is refused before the map is drawn', () => {
    expect(refusal(() => planGeo(request({ refine: new Map([['zz', ['1']]]) }), target(), NOW)).details).toEqual({ parameter: 'refine.zz' });
  });
});
