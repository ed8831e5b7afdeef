import { AppError } from '../../../src/errors/catalogue';
import type { FieldDef } from '../../../src/model/descriptor';
import type { DatasetTarget } from '../../../src/model/dataset';
import type { DatastoreRequest } from '../../../src/model/datastoreRequest';
import type { Predicate } from '../../../src/model/predicate';
import { planDatastore } from '../../../src/plan/planDatastore';

const field = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const name = field('name', 'text', [{ name: 'facet' }]);
const n = field('n', 'int');
const x = field('x', 'double');
const d = field('d', 'date');
const t = field('t', 'datetime');
const geo = field('geo', 'geo_point_2d');
const schema = [name, n, x, d, t, geo];
const target: DatasetTarget = { index: 'records-stations', datasetId: 'stations', schema };

function datastore(over: Partial<DatastoreRequest> = {}): DatastoreRequest {
  return {
    dataset: { id: 'stations' }, queries: [], refine: new Map(), exclude: new Map(), geofilters: [], timeZone: 'UTC',
    facets: [], disjunctive: new Set(), facetsort: new Map(), sort: [], rows: 100, start: 0, echo: {},
    output: { format: 'json', prettyPrint: false, csvSeparator: ';', withBom: false, useLabelsForHeader: false },
    resourceParam: 'stations', tableMetadata: false, filters: [], fieldText: [], plain: true, distinct: false, includeTotal: true,
    recordsFormat: 'objects', ckanSort: [], ckanEcho: {}, ...over,
  };
}
const query = (over: Partial<DatastoreRequest>): Predicate => planDatastore(datastore(over), target, 0).query;

function refusal(run: () => unknown): { code: string; parameter: string | undefined; message: string; position?: number } {
  try { run(); } catch (err) {
    if (err instanceof AppError) return { code: err.code, parameter: err.details.parameter, message: err.message, ...(err.details.position !== undefined ? { position: err.details.position } : {}) };
    throw err;
  }
  throw new Error('not refused');
}

/** The source order CKAN gives by default (`_id`), then the record id. */
const SOURCE_ORDER = [{ path: 'line', order: 'asc' }, { path: 'recordid', order: 'asc' }];

describe('planDatastore: defaults', () => {
  test('no q, filters or sort: every record, in source order (_id), the page as asked', () => {
    expect(planDatastore(datastore({ rows: 5, start: 20 }), target, 0)).toEqual({
      index: 'records-stations', datasetId: 'stations', schema, query: { kind: 'all' }, filters: [], facets: [],
      sort: SOURCE_ORDER, rows: 5, start: 20, fields: undefined, timeZone: 'UTC',
    });
  });

  test('the ODS-style parts are those of records search: refines, facets, geofilters, fields', () => {
    const plan = planDatastore(datastore({
      refine: new Map([['name', ['Gare']]]), facets: ['name'], geofilters: [{ kind: 'distance', lat: 45, lon: 5, metres: 100 }], fields: ['n'],
    }), target, 0);
    expect(plan.filters).toEqual([{ field: 'name', disjunctive: false, refine: { kind: 'term', path: 'v.name', value: 'Gare' } }]);
    expect(plan.facets.map((f) => [f.name, f.refined])).toEqual([['name', [{ path: 'Gare', depth: 1 }]]]);
    expect(plan.query).toEqual({ kind: 'distance', path: 'v.geo', lat: 45, lon: 5, metres: 100 });
    expect(plan.fields).toEqual([n]);
  });
});

describe('planDatastore: filters (equality with the whole value)', () => {
  test('text: a term on the value as given (a number is its text); a list is any of its values', () => {
    expect(query({ filters: [{ field: 'name', values: ['Gare de Lyon'] }] })).toEqual({ kind: 'term', path: 'v.name', value: 'Gare de Lyon' });
    expect(query({ filters: [{ field: 'name', values: [75] }] })).toEqual({ kind: 'term', path: 'v.name', value: '75' });
    expect(query({ filters: [{ field: 'name', values: ['a', 'b'] }] })).toEqual({
      kind: 'or', clauses: [{ kind: 'term', path: 'v.name', value: 'a' }, { kind: 'term', path: 'v.name', value: 'b' }],
    });
  });

  test('numbers: a number or its text (spaces trimmed); a fraction never equals an int', () => {
    expect(query({ filters: [{ field: 'n', values: [12] }] })).toEqual({ kind: 'term', path: 'v.n', value: 12 });
    expect(query({ filters: [{ field: 'n', values: [' 12 '] }] })).toEqual({ kind: 'term', path: 'v.n', value: 12 });
    expect(query({ filters: [{ field: 'n', values: ['12.5'] }] })).toEqual({ kind: 'none' });
    expect(query({ filters: [{ field: 'x', values: ['12.5'] }] })).toEqual({ kind: 'term', path: 'v.x', value: 12.5 });
    expect(query({ filters: [{ field: 'x', values: [-0.25] }] })).toEqual({ kind: 'term', path: 'v.x', value: -0.25 });
  });

  test('a value that is not a number is refused under filters, naming the field and the value', () => {
    for (const [value, shown] of [['abc', 'abc'], ['', ''], ['  ', '  '], [true, 'true'], ['Infinity', 'Infinity']] as const) {
      expect(refusal(() => query({ filters: [{ field: 'n', values: [value] }] }))).toEqual({
        code: 'bad_parameter', parameter: 'filters', message: `invalid value for "n": ${shown} is not a number`,
      });
    }
    // The value is shown cut to 40 characters.
    expect(refusal(() => query({ filters: [{ field: 'x', values: ['y'.repeat(50)] }] })).message).toBe(`invalid value for "x": ${'y'.repeat(40)} is not a number`);
  });

  test('dates: the day, month or year given, as a range of calendar days', () => {
    expect(query({ filters: [{ field: 'd', values: ['2020-02'] }] })).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2020-02-01', lt: '2020-03-01' }, format: 'strict_date' });
    expect(query({ filters: [{ field: 'd', values: [' 2020-02-29 '] }] })).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2020-02-29', lt: '2020-03-01' }, format: 'strict_date' });
  });

  test('datetimes: a day in the request zone, a second, an instant', () => {
    // 2020-01-01 in Paris (UTC+1 in winter) is 2019-12-31T23:00Z to 2020-01-01T23:00Z.
    expect(query({ timeZone: 'Europe/Paris', filters: [{ field: 't', values: ['2020-01-01'] }] })).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2019-12-31T23:00:00.000Z', lt: '2020-01-01T23:00:00.000Z' }, format: 'strict_date_optional_time',
    });
    // A time to the second is that whole second (a partial date, as `2013` is a year) ...
    expect(query({ filters: [{ field: 't', values: ['2020-01-01T10:00:00Z'] }] })).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2020-01-01T10:00:00.000Z', lt: '2020-01-01T10:00:01.000Z' }, format: 'strict_date_optional_time',
    });
    // ... one with a fraction of a second an instant: both ends included.
    expect(query({ filters: [{ field: 't', values: ['2020-01-01T10:00:00.250Z'] }] })).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2020-01-01T10:00:00.250Z', lte: '2020-01-01T10:00:00.250Z' }, format: 'strict_date_optional_time',
    });
  });

  test('a value that is no date is refused under filters, naming the field', () => {
    const e = refusal(() => query({ filters: [{ field: 'd', values: ['soon'] }] }));
    expect([e.code, e.parameter]).toEqual(['bad_parameter', 'filters']);
    expect(e.message.startsWith('invalid value for "d": ')).toBe(true);
  });

  test('geographic fields cannot be filtered; unknown ones are refused as CKAN does', () => {
    expect(refusal(() => query({ filters: [{ field: 'geo', values: ['45,5'] }] }))).toEqual({
      code: 'bad_parameter', parameter: 'filters', message: 'invalid value "geo": geographic fields cannot be filtered; use geofilter',
    });
    expect(refusal(() => query({ filters: [{ field: 'nope', values: ['a'] }] }))).toEqual({ code: 'bad_parameter', parameter: 'filters', message: 'invalid value "nope"' });
    // An unknown name is shown cut to 100 characters.
    expect(refusal(() => query({ filters: [{ field: 'z'.repeat(150), values: ['a'] }] })).message).toBe(`invalid value "${'z'.repeat(100)}"`);
  });

  test('several filters are all required, after the ODS-style query', () => {
    expect(query({
      geofilters: [{ kind: 'distance', lat: 45, lon: 5, metres: 100 }],
      filters: [{ field: 'name', values: ['a'] }, { field: 'n', values: [1] }],
    })).toEqual({
      kind: 'and', clauses: [
        { kind: 'distance', path: 'v.geo', lat: 45, lon: 5, metres: 100 },
        { kind: 'term', path: 'v.name', value: 'a' }, { kind: 'term', path: 'v.n', value: 1 },
      ],
    });
  });
});

describe('planDatastore: q as text', () => {
  test('plain (the default): the query language', () => {
    expect(query({ queries: [{ parameter: 'q', text: 'n>=5' }] })).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 5 } });
  });

  test('plain: a text the language cannot read is searched as its folded words, each a prefix', () => {
    expect(query({ queries: [{ parameter: 'q', text: 'Éole (' }] })).toEqual({ kind: 'words', paths: ['all_text'], text: 'eole', match: 'prefix' });
    expect(query({ queries: [{ parameter: 'q', text: 'Gare (de' }, { parameter: 'q', text: 'Lyon' }] })).toEqual({
      kind: 'and', clauses: ['gare', 'de', 'lyon'].map((w) => ({ kind: 'words', paths: ['all_text'], text: w, match: 'prefix' })),
    });
    // Nothing but syntax: nothing to search.
    expect(query({ queries: [{ parameter: 'q', text: '((' }] })).toEqual({ kind: 'all' });
  });

  test('plain=false: PostgreSQL\'s text-search syntax over every text field', () => {
    expect(query({ plain: false, queries: [{ parameter: 'q', text: 'gare & !lyon' }] })).toEqual({
      kind: 'and', clauses: [
        { kind: 'words', paths: ['all_text'], text: 'gare', match: 'phrase' },
        { kind: 'not', clause: { kind: 'words', paths: ['all_text'], text: 'lyon', match: 'phrase' } },
      ],
    });
    expect(query({ plain: false, queries: [{ parameter: 'q', text: 'Gar:*' }, { parameter: 'q', text: 'nord' }] })).toEqual({
      kind: 'and', clauses: [{ kind: 'words', paths: ['all_text'], text: 'gar', match: 'prefix' }, { kind: 'words', paths: ['all_text'], text: 'nord', match: 'phrase' }],
    });
  });

  test('plain=false: a syntax error is a bad_query naming q, with its position', () => {
    expect(refusal(() => query({ plain: false, queries: [{ parameter: 'q', text: 'a b' }] }))).toEqual({
      code: 'bad_query', parameter: 'q', position: 2,
      message: 'Invalid query in q: expected an operator (&, |, <->) between two words at position 2\na b\n  ^',
    });
  });
});

describe('planDatastore: q as an object (words per field)', () => {
  test('plain: the folded words of each value within its text field, the last one a prefix; a list is any', () => {
    expect(query({ fieldText: [{ field: 'name', values: ['Gare de L'] }] })).toEqual({ kind: 'words', paths: ['t.name'], text: 'gare de l', match: 'lastPrefix' });
    expect(query({ fieldText: [{ field: 'name', values: ['Nord', 'Est'] }] })).toEqual({
      kind: 'or', clauses: [{ kind: 'words', paths: ['t.name'], text: 'nord', match: 'lastPrefix' }, { kind: 'words', paths: ['t.name'], text: 'est', match: 'lastPrefix' }],
    });
  });

  test('plain=false: each value a text-search query within its field', () => {
    expect(query({ plain: false, fieldText: [{ field: 'name', values: ['gare <-> nord'] }] })).toEqual({ kind: 'words', paths: ['t.name'], text: 'gare nord', match: 'phrase' });
    expect(refusal(() => query({ plain: false, fieldText: [{ field: 'name', values: ['gare nord'] }] }))).toEqual({
      code: 'bad_query', parameter: 'q', position: 5,
      message: 'Invalid query in q: expected an operator (&, |, <->) between two words at position 5\ngare nord\n     ^',
    });
  });

  test('a field that is not text: equality, as a filter', () => {
    expect(query({ fieldText: [{ field: 'n', values: ['7'] }] })).toEqual({ kind: 'term', path: 'v.n', value: 7 });
    expect(query({ plain: false, fieldText: [{ field: 'n', values: [7, 8] }] })).toEqual({
      kind: 'or', clauses: [{ kind: 'term', path: 'v.n', value: 7 }, { kind: 'term', path: 'v.n', value: 8 }],
    });
  });

  test('an unknown field is refused under q', () => {
    expect(refusal(() => query({ fieldText: [{ field: 'nope', values: ['a'] }] }))).toEqual({ code: 'bad_parameter', parameter: 'q', message: 'invalid value "nope"' });
  });

  test('text, filters and per-field words together, in that order', () => {
    expect(query({ queries: [{ parameter: 'q', text: 'n>=5' }], filters: [{ field: 'x', values: [1] }], fieldText: [{ field: 'name', values: ['a'] }] })).toEqual({
      kind: 'and', clauses: [
        { kind: 'range', path: 'v.n', bounds: { gte: 5 } }, { kind: 'term', path: 'v.x', value: 1 },
        { kind: 'words', paths: ['t.name'], text: 'a', match: 'lastPrefix' },
      ],
    });
  });
});

describe('planDatastore: sort', () => {
  const sorted = (ckanSort: DatastoreRequest['ckanSort']) => planDatastore(datastore({ ckanSort }), target, 0).sort;

  test('CKAN clauses on field values, any type but geographic; then source order', () => {
    expect(sorted([{ field: 'name', order: 'asc' }, { field: 'n', order: 'desc' }])).toEqual([{ path: 'v.name', order: 'asc' }, { path: 'v.n', order: 'desc' }, ...SOURCE_ORDER]);
  });

  test('_id is the source order', () => {
    expect(sorted([{ field: '_id', order: 'desc' }])).toEqual([{ path: 'line', order: 'desc' }, ...SOURCE_ORDER]);
  });

  test('a geographic or unknown field is refused under sort', () => {
    expect(refusal(() => sorted([{ field: 'geo', order: 'asc' }]))).toEqual({ code: 'bad_parameter', parameter: 'sort', message: 'invalid value "geo": geographic fields cannot be sorted' });
    expect(refusal(() => sorted([{ field: 'nope', order: 'asc' }]))).toEqual({ code: 'bad_parameter', parameter: 'sort', message: 'invalid value "nope"' });
  });
});
