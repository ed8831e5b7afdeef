import { AppError } from '../../../src/errors/catalogue';
import type { FieldDef } from '../../../src/model/descriptor';
import type { DatasetTarget } from '../../../src/model/dataset';
import type { AnalyzeRequest, SeriesParams } from '../../../src/model/recordsRequest';
import { planAnalyze } from '../../../src/plan/planAnalyze';

const field = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = []): FieldDef => ({ name, label: name, type, annotations, source: { column: name } });
const cat = field('cat', 'text', [{ name: 'facet' }]);
const n = field('n', 'int');
const x = field('x', 'double');
const d = field('d', 'date');
const t = field('t', 'datetime');
const geo = field('geo', 'geo_point_2d');
const doc = field('doc', 'file');
const target: DatasetTarget = { index: 'records-films', datasetId: 'films', schema: [cat, n, x, d, t, geo, doc] };

const COUNT: SeriesParams = { name: 'c', func: 'COUNT', expr: '', cumulative: false };
function analyze(over: Partial<AnalyzeRequest> = {}): AnalyzeRequest {
  return {
    dataset: { id: 'films' }, queries: [], refine: new Map(), exclude: new Map(), geofilters: [], timeZone: 'UTC', x: [], series: [COUNT],
    output: { format: 'json', prettyPrint: false, csvSeparator: ';', withBom: false, useLabelsForHeader: false }, ...over,
  };
}
const plan = (over: Partial<AnalyzeRequest> = {}) => planAnalyze(analyze(over), target, 0);
const xs = (over: Partial<AnalyzeRequest>) => plan(over).xs;

function refusal(run: () => unknown): { code: string; parameter: string | undefined; message: string } {
  try { run(); } catch (err) {
    if (err instanceof AppError) return { code: err.code, parameter: err.details.parameter, message: err.message };
    throw err;
  }
  throw new Error('not refused');
}

describe('planAnalyze: the whole plan', () => {
  test('no x: one global aggregate (reference/ods-v1.md §1.6); COUNT without expr reads no field', () => {
    expect(plan()).toEqual({
      index: 'records-films', query: { kind: 'all' }, xs: [], series: [{ name: 'c', func: 'COUNT', cumulative: false }],
      valueFields: [], sort: undefined, maxpoints: undefined,
    });
  });

  test('filters, x, series, sort and maxpoints together', () => {
    expect(plan({
      queries: [{ parameter: 'q', text: 'n>=2' }], refine: new Map([['cat', ['Drame']]]), x: ['cat'],
      series: [{ name: 'total', func: 'SUM', expr: 'n', cumulative: true }], sort: '-total', maxpoints: 20,
    })).toEqual({
      index: 'records-films',
      query: { kind: 'and', clauses: [{ kind: 'range', path: 'v.n', bounds: { gte: 2 } }, { kind: 'term', path: 'v.cat', value: 'Drame' }] },
      xs: [{ kind: 'terms', field: cat }],
      series: [{ name: 'total', func: 'SUM', expr: { kind: 'field', name: 'n' }, field: 'n', cumulative: true }],
      valueFields: [], sort: { by: 'total', descending: false }, maxpoints: 20,
    });
  });
});

describe('planAnalyze: x', () => {
  test('text and number fields group by value', () => {
    expect(xs({ x: ['cat', 'n', 'x'] })).toEqual([{ kind: 'terms', field: cat }, { kind: 'terms', field: n }, { kind: 'terms', field: x }]);
  });

  test('geographic and file fields cannot be an x', () => {
    expect(refusal(() => xs({ x: ['geo'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: 'Field geo (geo_point_2d) cannot be an x.' });
    expect(refusal(() => xs({ x: ['doc'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: 'Field doc (file) cannot be an x.' });
  });

  test('an unknown field, or more than field.part, is refused naming it', () => {
    expect(refusal(() => xs({ x: ['nope'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: 'Unknown field "nope" in x.' });
    expect(refusal(() => xs({ x: ['d.year.month'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: 'Unknown field "d.year.month" in x.' });
    expect(refusal(() => xs({ x: ['q'.repeat(150)] })).message).toBe(`Unknown field "${'q'.repeat(100)}" in x.`);
  });

  test('a part is only for a date field, and only a date part', () => {
    const message = (s: string) => `"${s}" is not a part of a date field (year, month, week, weekday, day, hour, minute).`;
    expect(refusal(() => xs({ x: ['cat.year'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: message('cat.year') });
    expect(refusal(() => xs({ x: ['d.second'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: message('d.second') });
    expect(refusal(() => xs({ x: ['d.yearday'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: message('d.yearday') });
    expect(refusal(() => xs({ x: ['d.'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: message('d.') });
  });

  test('at most three x fields; parts of one field are one x', () => {
    expect(xs({ x: ['cat', 'n', 'd.year', 'd.month'] }).map((s) => s.field.name)).toEqual(['cat', 'n', 'd']);
    expect(refusal(() => xs({ x: ['cat', 'n', 'x', 'd'] }))).toEqual({ code: 'bad_parameter', parameter: 'x', message: 'At most three x fields.' });
    // A field named twice, or whole and by part, is one x (with the parts given).
    expect(xs({ x: ['cat', 'cat'] })).toEqual([{ kind: 'terms', field: cat }]);
    expect(xs({ x: ['d', 'd.year'] })).toEqual([{ kind: 'date', field: d, parts: ['year'], interval: 'year', timeZone: 'UTC' }]);
  });
});

describe('planAnalyze: date parts given in x', () => {
  test('the parts as given, bucketed by the finest of them; a date field is read in UTC', () => {
    expect(xs({ x: ['d.year', 'd.month'], timeZone: 'Europe/Paris' })).toEqual([{ kind: 'date', field: d, parts: ['year', 'month'], interval: 'month', timeZone: 'UTC' }]);
    expect(xs({ x: ['d.hour', 'd.year'] })).toEqual([{ kind: 'date', field: d, parts: ['hour', 'year'], interval: 'hour', timeZone: 'UTC' }]);
    expect(xs({ x: ['d.month', 'd.week'] })).toEqual([{ kind: 'date', field: d, parts: ['month', 'week'], interval: 'week', timeZone: 'UTC' }]);
    expect(xs({ x: ['d.minute'] })).toEqual([{ kind: 'date', field: d, parts: ['minute'], interval: 'minute', timeZone: 'UTC' }]);
  });

  test('a weekday is bucketed by day; a datetime field is read in the request zone', () => {
    expect(xs({ x: ['t.year', 't.weekday'], timeZone: 'Europe/Paris' })).toEqual([{ kind: 'date', field: t, parts: ['year', 'weekday'], interval: 'day', timeZone: 'Europe/Paris' }]);
    expect(xs({ x: ['t.weekday', 't.day'] })).toEqual([{ kind: 'date', field: t, parts: ['weekday', 'day'], interval: 'day', timeZone: 'UTC' }]);
  });

  test('parts given in x win over precision and periodic', () => {
    expect(xs({ x: ['d.year'], precision: 'minute', periodic: 'month' })).toEqual([{ kind: 'date', field: d, parts: ['year'], interval: 'year', timeZone: 'UTC' }]);
  });
});

describe('planAnalyze: precision and periodic (reference/ods-v1.md §1.6)', () => {
  const date = (parts: string[], interval: string) => [{ kind: 'date', field: d, parts, interval, timeZone: 'UTC' }];

  test('defaults: periodic year, precision day: year, month, day', () => {
    expect(xs({ x: ['d'] })).toEqual(date(['year', 'month', 'day'], 'day'));
  });

  test('from periodic down to precision', () => {
    expect(xs({ x: ['d'], precision: 'month' })).toEqual(date(['year', 'month'], 'month'));
    expect(xs({ x: ['d'], precision: 'year' })).toEqual(date(['year'], 'year'));
    expect(xs({ x: ['d'], periodic: 'month', precision: 'hour' })).toEqual(date(['month', 'day', 'hour'], 'hour'));
    expect(xs({ x: ['d'], periodic: 'day', precision: 'minute' })).toEqual(date(['day', 'hour', 'minute'], 'minute'));
    expect(xs({ x: ['d'], periodic: 'minute', precision: 'minute' })).toEqual(date(['minute'], 'minute'));
  });

  test('a precision coarser than periodic is refused under precision', () => {
    expect(refusal(() => xs({ x: ['d'], periodic: 'month', precision: 'year' }))).toEqual({ code: 'bad_parameter', parameter: 'precision', message: 'precision=year is coarser than periodic=month' });
    expect(refusal(() => xs({ x: ['d'], periodic: 'hour' }))).toEqual({ code: 'bad_parameter', parameter: 'precision', message: 'precision=day is coarser than periodic=hour' });
  });

  test('precision week: with periodic year the year and its week, with periodic week the week alone', () => {
    expect(xs({ x: ['d'], precision: 'week' })).toEqual(date(['year', 'week'], 'week'));
    expect(xs({ x: ['d'], precision: 'week', periodic: 'week' })).toEqual(date(['week'], 'week'));
    expect(refusal(() => xs({ x: ['d'], precision: 'week', periodic: 'month' }))).toEqual({
      code: 'bad_parameter', parameter: 'precision', message: 'precision=week goes with periodic=year or week, not month',
    });
    expect(refusal(() => xs({ x: ['d'], precision: 'week', periodic: 'weekday' })).message).toBe('precision=week goes with periodic=year or week, not weekday');
  });

  test('periodic weekday or week: that part, then the parts finer than a day down to precision', () => {
    expect(xs({ x: ['d'], periodic: 'weekday' })).toEqual(date(['weekday'], 'day'));
    expect(xs({ x: ['d'], periodic: 'weekday', precision: 'hour' })).toEqual(date(['weekday', 'hour'], 'hour'));
    expect(xs({ x: ['d'], periodic: 'weekday', precision: 'minute' })).toEqual(date(['weekday', 'hour', 'minute'], 'minute'));
    expect(xs({ x: ['d'], periodic: 'week', precision: 'hour' })).toEqual(date(['week', 'hour'], 'hour'));
    // A precision of a day or coarser adds nothing: the part is bucketed by day.
    expect(xs({ x: ['d'], periodic: 'weekday', precision: 'month' })).toEqual(date(['weekday'], 'day'));
    expect(xs({ x: ['d'], periodic: 'week', precision: 'day' })).toEqual(date(['week'], 'day'));
  });

  test('a datetime x is cut in the request zone', () => {
    expect(xs({ x: ['t'], timeZone: 'America/New_York', precision: 'month' })).toEqual([{ kind: 'date', field: t, parts: ['year', 'month'], interval: 'month', timeZone: 'America/New_York' }]);
  });
});

describe('planAnalyze: series', () => {
  const series = (...s: SeriesParams[]) => plan({ series: s });

  test('a function of one field names it; COUNT of a field counts its values', () => {
    expect(series({ name: 'avg', func: 'AVG', expr: 'x', cumulative: false }, { name: 'k', func: 'COUNT', expr: 'n', cumulative: false }).series).toEqual([
      { name: 'avg', func: 'AVG', expr: { kind: 'field', name: 'x' }, field: 'x', cumulative: false },
      { name: 'k', func: 'COUNT', expr: { kind: 'field', name: 'n' }, field: 'n', cumulative: false },
    ]);
  });

  test('an expression is read record by record: every field of every series is then a value field', () => {
    const p = series({ name: 'a', func: 'MAX', expr: 'n', cumulative: false }, { name: 'b', func: 'SUM', expr: 'x * 2 + n', cumulative: false }, COUNT);
    expect(p.series[1]).toEqual({
      name: 'b', func: 'SUM', cumulative: false, field: undefined,
      expr: { kind: 'bin', op: '+', left: { kind: 'bin', op: '*', left: { kind: 'field', name: 'x' }, right: { kind: 'num', value: 2 } }, right: { kind: 'field', name: 'n' } },
    });
    expect(p.valueFields).toEqual(['n', 'x']);
  });

  test('a field unknown or not a number is refused under y.<serie>.expr', () => {
    expect(refusal(() => series({ name: 's', func: 'SUM', expr: 'zz + 1', cumulative: false }))).toEqual({ code: 'bad_parameter', parameter: 'y.s.expr', message: 'Unknown field "zz" in y.s.expr.' });
    expect(refusal(() => series({ name: 's', func: 'AVG', expr: 'cat', cumulative: false }))).toEqual({ code: 'bad_parameter', parameter: 'y.s.expr', message: 'Field cat in y.s.expr is text, not a number.' });
    expect(refusal(() => series({ name: 's', func: 'AVG', expr: 'd', cumulative: false }))).toEqual({ code: 'bad_parameter', parameter: 'y.s.expr', message: 'Field d in y.s.expr is date, not a number.' });
  });

  test('any function but COUNT needs an expression', () => {
    expect(refusal(() => series({ name: 's', func: 'SUM', expr: '', cumulative: false }))).toEqual({ code: 'bad_parameter', parameter: 'y.s.expr', message: 'Invalid y.s.expr: empty expression at position 0' });
  });
});

describe('planAnalyze: sort', () => {
  const sort = (s: string | undefined, names = ['c']) => plan({ sort: s, series: names.map((name) => ({ ...COUNT, name })) }).sort;

  test('x, a part of x, or a series; descending unless `-`', () => {
    expect(sort(undefined)).toBe(undefined);
    expect(sort('x')).toEqual({ by: 'x', descending: true });
    expect(sort('-x')).toEqual({ by: 'x', descending: false });
    expect(sort('x.d.year')).toEqual({ by: 'x', descending: true });
    expect(sort('-x.d.month')).toEqual({ by: 'x', descending: false });
    expect(sort('c')).toEqual({ by: 'c', descending: true });
    expect(sort('-y.c')).toEqual({ by: 'c', descending: false });
  });

  test('only a leading `-` and `y.` are read off; any series of several may be the key', () => {
    expect(sort('a-b', ['a-b'])).toEqual({ by: 'a-b', descending: true });
    expect(sort('-a-b', ['a-b'])).toEqual({ by: 'a-b', descending: false });
    expect(sort('my.c', ['my.c'])).toEqual({ by: 'my.c', descending: true });
    expect(sort('b', ['a', 'b'])).toEqual({ by: 'b', descending: true });
  });

  test('a series whose name starts with x is that series', () => {
    expect(sort('xmax', ['xmax'])).toEqual({ by: 'xmax', descending: true });
    expect(sort('-y.xn', ['xn'])).toEqual({ by: 'xn', descending: false });
  });

  test('anything else is refused under sort, quoting it', () => {
    expect(refusal(() => sort('-nope'))).toEqual({ code: 'bad_parameter', parameter: 'sort', message: 'sort must be x, -x, a series name or -name, not "-nope"' });
    expect(refusal(() => sort('xmax'))).toEqual({ code: 'bad_parameter', parameter: 'sort', message: 'sort must be x, -x, a series name or -name, not "xmax"' });
  });
});
