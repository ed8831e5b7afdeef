import { AppError } from '../../../src/errors/catalogue';
import { valueFacet } from '../../../src/facets/valueFacet';
import type { DatasetTarget } from '../../../src/model/dataset';
import type { Annotation, FieldDef, FieldType } from '../../../src/model/descriptor';
import type { RecordsSearchFormat, RecordsSearchRequest } from '../../../src/model/recordsRequest';
import { planRecordsSearch, readingWritten, selectedFields } from '../../../src/plan/planRecordsSearch';

const field = (name: string, type: FieldType, annotations: Annotation[] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });

const name = field('name', 'text', [{ name: 'facet' }, { name: 'sortable' }]);
const n = field('n', 'int');
const d = field('d', 'date');
const point = field('point', 'geo_point_2d');
const schema = [name, n, d, point];
const noGeo = [name, n, d];

const target = (s: FieldDef[] = schema): DatasetTarget => ({ index: 'records-ds-v3', datasetId: 'ds@other', schema: s });

// Saturday 21 November 2026, 10:30 UTC.
const NOW = Date.UTC(2026, 10, 21, 10, 30);

const request = (r: Partial<RecordsSearchRequest> = {}, format: RecordsSearchFormat = 'json'): RecordsSearchRequest => ({
  dataset: { id: 'ds', domain: 'other' },
  queries: [],
  refine: new Map(),
  exclude: new Map(),
  geofilters: [],
  timeZone: 'UTC',
  facets: [],
  disjunctive: new Set(),
  facetsort: new Map(),
  sort: [],
  rows: 10,
  start: 0,
  output: { format, prettyPrint: false, csvSeparator: ';', withBom: false, useLabelsForHeader: false },
  echo: {},
  ...r,
});

function refusal(run: () => unknown): { code: string; details: object; message: string } {
  try { run(); } catch (err) { if (err instanceof AppError) return { code: err.code, details: err.details, message: err.message }; throw err; }
  throw new Error('not refused');
}

describe('selectedFields', () => {
  test('no fields= returns every field (undefined)', () => {
    expect(selectedFields(schema, undefined)).toBeUndefined();
  });

  test('the fields named, in the order named', () => {
    expect(selectedFields(schema, ['d', 'name'])).toEqual([d, name]);
    expect(selectedFields(schema, [])).toEqual([]);
  });

  test('an unknown field is a 400 naming fields', () => {
    expect(refusal(() => selectedFields(schema, ['name', 'zz']))).toEqual({ code: 'bad_parameter', details: { parameter: 'fields' }, message: 'Unknown field "zz" in fields.' });
    expect(refusal(() => selectedFields(schema, ['z'.repeat(150)])).message).toBe(`Unknown field "${'z'.repeat(100)}" in fields.`);
  });
});

describe('readingWritten', () => {
  test('records read written when every field is shown, in UTC; else the plan unchanged', () => {
    const plain = planRecordsSearch(request(), target(), NOW);
    expect(plain.written).toBeUndefined();
    expect(readingWritten(plain)).toEqual({ ...plain, written: true });
    for (const other of [planRecordsSearch(request({ fields: ['name'] }), target(), NOW), planRecordsSearch(request({ timeZone: 'Europe/Paris' }), target(), NOW), { ...plain, source: ['datasetid'] }]) {
      expect(readingWritten(other)).toBe(other);
    }
  });
});

describe('planRecordsSearch', () => {
  test('a bare request: everything, sorted by record id, the page and zone as asked', () => {
    expect(planRecordsSearch(request({ rows: 20, start: 40, timeZone: 'Europe/Paris' }), target(), NOW)).toEqual({
      index: 'records-ds-v3',
      datasetId: 'ds@other',
      schema,
      query: { kind: 'all' },
      filters: [],
      facets: [],
      sort: [{ path: 'recordid', order: 'asc' }],
      rows: 20,
      start: 40,
      fields: undefined,
      timeZone: 'Europe/Paris',
    });
  });

  test('q, refine, facet, sort and fields each go to their part of the plan', () => {
    const r = request({
      queries: [{ parameter: 'q', text: 'n>=3' }],
      refine: new Map([['name', ['Paris']]]),
      facets: ['name'],
      sort: ['-n', 'name'],
      fields: ['n', 'name'],
    });
    expect(planRecordsSearch(r, target(), NOW)).toEqual({
      index: 'records-ds-v3',
      datasetId: 'ds@other',
      schema,
      query: { kind: 'range', path: 'v.n', bounds: { gte: 3 } },
      filters: [{ field: 'name', disjunctive: false, refine: { kind: 'term', path: 'v.name', value: 'Paris' } }],
      facets: [{
        name: 'name', kind: valueFacet, ctx: { field: name, valuePath: 'v.name', timeZone: 'UTC', order: [{ _count: 'desc' }, { _key: 'asc' }] },
        refined: [{ path: 'Paris', depth: 1 }], excluded: [], disjunctive: false, sort: '-count',
      }],
      sort: [{ path: 'v.n', order: 'asc' }, { path: 't.name.sort', order: 'asc' }, { path: 'recordid', order: 'asc' }],
      rows: 10,
      start: 0,
      fields: [n, name],
      timeZone: 'UTC',
    });
  });

  test('geofilters and #now go into the query', () => {
    const r = request({ queries: [{ parameter: 'q', text: 'd >= #now(days=-1)' }], geofilters: [{ kind: 'distance', lat: 48.85, lon: 2.35, metres: 500 }] });
    expect(planRecordsSearch(r, target(), NOW).query).toEqual({
      kind: 'and',
      clauses: [
        // One day before 2026-11-21 10:30 UTC is in the day 2026-11-20.
        { kind: 'range', path: 'v.d', bounds: { gte: '2026-11-20' }, format: 'strict_date' },
        { kind: 'distance', path: 'v.point', lat: 48.85, lon: 2.35, metres: 500 },
      ],
    });
  });

  test.each<RecordsSearchFormat>(['geojson', 'geojsonp'])('format %s on a dataset without a geo field is a 400 naming format', (format) => {
    expect(refusal(() => planRecordsSearch(request({}, format), target(noGeo), NOW))).toEqual({
      code: 'bad_parameter', details: { parameter: 'format' }, message: `Dataset ds@other has no geographic field: format ${format} is not available.`,
    });
  });

  test.each<RecordsSearchFormat>(['json', 'jsonp', 'csv', 'rss', 'atom'])('format %s needs no geo field', (format) => {
    expect(planRecordsSearch(request({}, format), target(noGeo), NOW).query).toEqual({ kind: 'all' });
  });

  test('geojson on a dataset with a geo field is planned', () => {
    expect(planRecordsSearch(request({}, 'geojson'), target(), NOW).sort).toEqual([{ path: 'recordid', order: 'asc' }]);
  });

  test('each part refuses with its own parameter', () => {
    expect(refusal(() => planRecordsSearch(request({ facets: ['zz'] }), target(), NOW)).details).toEqual({ parameter: 'facet' });
    expect(refusal(() => planRecordsSearch(request({ sort: ['zz'] }), target(), NOW)).details).toEqual({ parameter: 'sort' });
    expect(refusal(() => planRecordsSearch(request({ fields: ['zz'] }), target(), NOW)).details).toEqual({ parameter: 'fields' });
    expect(refusal(() => planRecordsSearch(request({ queries: [{ parameter: 'q', text: 'zz:1' }] }), target(), NOW)).details).toEqual({ parameter: 'q', position: 0 });
  });
});
