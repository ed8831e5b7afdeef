import type { Predicate } from '../../../src/model/predicate';
import type { QueryField, QuerySchema } from '../../../src/model/querySchema';
import { PlanContext } from '../../../src/plan/planContext';
import { planField, planRange } from '../../../src/plan/planField';
import type { Argument, Call, FieldOperator, Literal, QueryNode, Span } from '../../../src/query/ast';
import { QueryError } from '../../../src/query/queryError';

type FieldNode = Extract<QueryNode, { kind: 'field' }>;
type RangeNode = Extract<QueryNode, { kind: 'range' }>;

// Where each field's data lives: `value` is the whole typed value, `words` its folded words.
const FIELDS: QueryField[] = [
  { name: 'title', type: 'text', value: 'v.title', words: 't.title', exists: 't.title' },
  // A text with words but no whole value (as a long catalog text), and one with only its whole value.
  { name: 'summary', type: 'text', words: 't.summary', exists: 't.summary' },
  { name: 'code', type: 'text', value: 'v.code', exists: 'v.code' },
  { name: 'doc', type: 'file', value: 'v.doc', exists: 'v.doc' },
  { name: 'n', type: 'int', value: 'v.n', exists: 'v.n' },
  { name: 'x', type: 'double', value: 'v.x', exists: 'v.x' },
  { name: 'd', type: 'date', value: 'v.d', exists: 'v.d' },
  { name: 't', type: 'datetime', value: 'v.t', exists: 'v.t' },
  { name: 'count', type: 'int', exists: 'count' },
  { name: 'geo', type: 'geo_point_2d', value: 'v.geo', exists: 'v.geo' },
  { name: 'shape', type: 'geo_shape', value: 'v.shape', exists: 'v.shape' },
];
const schema: QuerySchema = { fields: new Map(FIELDS.map((f) => [f.name, f])), allText: 'all_text' };

// Saturday 21 November 2026, 23:30 UTC: already Sunday 22 November (00:30) in Paris.
const NOW = Date.UTC(2026, 10, 21, 23, 30);

const at = (start: number, length: number): Span => ({ start, end: start + length });
const word = (text: string) => (start: number): Literal => ({ kind: 'word', text, span: at(start, text.length) });
const phrase = (text: string) => (start: number): Literal => ({ kind: 'phrase', text, span: at(start, text.length + 2) });
/** `#name(args)`; the span of the first argument starts after `#name(`. */
const call = (name: string, args: Array<{ name: string; value: string }> = []) => (start: number): Call => {
  let pos = start + name.length + 2;
  const named: Argument[] = args.map((a) => {
    const span = at(pos, a.name.length + 1 + a.value.length);
    pos = span.end + 1;
    return { kind: 'named', name: a.name, value: a.value, span };
  });
  return { kind: 'call', name, args: named, span: { start, end: Math.max(pos, start + name.length + 3) } };
};
type Value = (start: number) => Literal | Call;

/** `<field><op><value>`: the field at 0, the value right after the operator (`n>=5`: the value at 3). */
function comparison(field: string, op: FieldOperator, value: Value): FieldNode {
  const v = value(field.length + op.length);
  return { kind: 'field', field, fieldSpan: at(0, field.length), op, value: v, span: { start: 0, end: v.span.end } };
}
/** `<field>:[<from> TO <to>]`: the field at 0, `from` after `:[`, `to` after ` TO `. */
function range(field: string, from: Value, to: Value): RangeNode {
  const f = from(field.length + 2);
  const t = to(f.span.end + 4);
  return { kind: 'range', field, fieldSpan: at(0, field.length), from: f, to: t, span: { start: 0, end: t.span.end + 1 } };
}

const context = (timeZone = 'UTC'): PlanContext => new PlanContext({ schema, timeZone, now: NOW }, 'the query');
const plan = (node: FieldNode, timeZone = 'UTC'): Predicate | null => planField(node, context(timeZone));
const planR = (node: RangeNode, timeZone = 'UTC'): Predicate => planRange(node, context(timeZone));

function failure(run: () => unknown): { message: string; position: number } {
  try { run(); } catch (err) { if (err instanceof QueryError) return { message: err.message, position: err.position }; throw err; }
  throw new Error('planned');
}

describe('planField: numbers', () => {
  test('an int equals a value with :, = and ==', () => {
    for (const op of [':', '=', '=='] as const) expect(plan(comparison('n', op, word('2019')))).toEqual({ kind: 'term', path: 'v.n', value: 2019 });
  });

  test('int comparisons become the integer bounds selecting the same values', () => {
    // n > 5 is n ≥ 6 and n < 5 is n ≤ 4 on integers; n > 4.5 is n ≥ 5.
    expect(plan(comparison('n', '>', word('5')))).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 6 } });
    expect(plan(comparison('n', '>=', word('5')))).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 5 } });
    expect(plan(comparison('n', '<', word('5')))).toEqual({ kind: 'range', path: 'v.n', bounds: { lte: 4 } });
    expect(plan(comparison('n', '<=', word('5')))).toEqual({ kind: 'range', path: 'v.n', bounds: { lte: 5 } });
    expect(plan(comparison('n', '>', word('4.5')))).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 5 } });
  });

  test('an int never equals a fraction', () => {
    expect(plan(comparison('n', ':', word('4.5')))).toEqual({ kind: 'none' });
  });

  test('a double: a term for equality, its own bounds otherwise', () => {
    expect(plan(comparison('x', ':', word('2.5')))).toEqual({ kind: 'term', path: 'v.x', value: 2.5 });
    expect(plan(comparison('x', '>', word('2.5')))).toEqual({ kind: 'range', path: 'v.x', bounds: { gt: 2.5 } });
    expect(plan(comparison('x', '<', phrase('-1')))).toEqual({ kind: 'range', path: 'v.x', bounds: { lt: -1 } });
    expect(plan(comparison('x', '<=', word('1e3')))).toEqual({ kind: 'range', path: 'v.x', bounds: { lte: 1000 } });
  });

  test('a value that is no number is refused at the value, naming the field and its type', () => {
    expect(failure(() => plan(comparison('n', '>', word('abc'))))).toEqual({ message: '"abc" is not a number (field "n" is int)', position: 2 });
    expect(failure(() => plan(comparison('x', '>=', word('1,5'))))).toEqual({ message: '"1,5" is not a number (field "x" is double)', position: 3 });
    expect(failure(() => plan(comparison('n', ':', word('1e300'))))).toEqual({ message: '1e300 is out of the range of integers (field "n" is int)', position: 2 });
  });

  test('a field without a whole value cannot be compared', () => {
    expect(failure(() => plan(comparison('count', '>', word('5'))))).toEqual({ message: 'field "count" has no whole value to compare', position: 0 });
  });
});

describe('planField: dates and datetimes', () => {
  test('a partial date is its whole period of calendar days', () => {
    expect(plan(comparison('d', ':', word('2019')))).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2019-01-01', lt: '2020-01-01' }, format: 'strict_date' });
    // After June 2019 is from July; up to 15 June is before the 16th.
    expect(plan(comparison('d', '>', word('2019/06')))).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2019-07-01' }, format: 'strict_date' });
    expect(plan(comparison('d', '<', word('2019/06/15')))).toEqual({ kind: 'range', path: 'v.d', bounds: { lt: '2019-06-15' }, format: 'strict_date' });
    expect(plan(comparison('d', '<=', word('2019/06/15')))).toEqual({ kind: 'range', path: 'v.d', bounds: { lt: '2019-06-16' }, format: 'strict_date' });
  });

  test('the date text is read without its surrounding spaces', () => {
    expect(plan(comparison('d', '=', phrase(' 2019-06 ')))).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2019-06-01', lt: '2019-07-01' }, format: 'strict_date' });
  });

  test('a datetime period is read in the request zone', () => {
    // Paris is UTC+1 in winter: 2019 there is 2018-12-31 23:00 to 2019-12-31 23:00 UTC.
    expect(plan(comparison('t', ':', word('2019')), 'Europe/Paris')).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2018-12-31T23:00:00.000Z', lt: '2019-12-31T23:00:00.000Z' }, format: 'strict_date_optional_time',
    });
    expect(plan(comparison('t', ':', word('2019')))).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2019-01-01T00:00:00.000Z', lt: '2020-01-01T00:00:00.000Z' }, format: 'strict_date_optional_time',
    });
  });

  test('an instant with milliseconds is that instant', () => {
    expect(plan(comparison('t', '>', word('2019-07-14T10:00:00.250Z')))).toEqual({
      kind: 'range', path: 'v.t', bounds: { gt: '2019-07-14T10:00:00.250Z' }, format: 'strict_date_optional_time',
    });
    expect(plan(comparison('t', '==', word('2019-07-14T10:00:00.250Z')))).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2019-07-14T10:00:00.250Z', lte: '2019-07-14T10:00:00.250Z' }, format: 'strict_date_optional_time',
    });
  });

  test('a value that is no date is refused at the value', () => {
    expect(failure(() => plan(comparison('d', ':', word('soon'))))).toEqual({ message: '"soon" is not a date (YYYY, YYYY/MM, YYYY/MM/DD or ISO 8601)', position: 2 });
    expect(failure(() => plan(comparison('d', '>=', word('2019/02/30'))))).toEqual({ message: 'day 30 does not exist in 2019/02', position: 3 });
  });
});

describe('planField: #now', () => {
  test('on a datetime field, the injected instant', () => {
    expect(plan(comparison('t', '>=', call('now')))).toEqual({ kind: 'range', path: 'v.t', bounds: { gte: '2026-11-21T23:30:00.000Z' }, format: 'strict_date_optional_time' });
  });

  test('on a date field, its day in the request zone', () => {
    expect(plan(comparison('d', '>=', call('now')))).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2026-11-21' }, format: 'strict_date' });
    expect(plan(comparison('d', '>=', call('now')), 'Europe/Paris')).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2026-11-22' }, format: 'strict_date' });
    expect(plan(comparison('d', ':', call('now')))).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2026-11-21', lt: '2026-11-22' }, format: 'strict_date' });
    expect(plan(comparison('d', '<', call('now', [{ name: 'days', value: '-7' }])))).toEqual({ kind: 'range', path: 'v.d', bounds: { lt: '2026-11-14' }, format: 'strict_date' });
  });

  test('the arguments of #now are read on the wall clock of the request zone', () => {
    // Now is 00:30 on Sunday 22 November in Paris (UTC+1): hour=12 is 12:30 there, 11:30 UTC.
    expect(plan(comparison('t', '<', call('now', [{ name: 'hour', value: '12' }])), 'Europe/Paris')).toEqual({
      kind: 'range', path: 'v.t', bounds: { lt: '2026-11-22T11:30:00.000Z' }, format: 'strict_date_optional_time',
    });
    // In UTC it is still Saturday 21 November: 12:30 that day.
    expect(plan(comparison('t', '<', call('now', [{ name: 'hour', value: '12' }])))).toEqual({
      kind: 'range', path: 'v.t', bounds: { lt: '2026-11-21T12:30:00.000Z' }, format: 'strict_date_optional_time',
    });
  });

  test('an argument #now does not take is refused where it is', () => {
    // `d>=#now(` is 8 characters: the argument starts at 8.
    expect(failure(() => plan(comparison('d', '>=', call('now', [{ name: 'foo', value: '1' }]))))).toEqual({
      message: '#now has no argument "foo" (known: years, months, weeks, days, hours, minutes, seconds, microseconds, year, month, day, hour, minute, second, microsecond, weekday)',
      position: 8,
    });
  });

  test('#now compares only with dates; other functions are no values', () => {
    expect(failure(() => plan(comparison('n', '>', call('now'))))).toEqual({ message: '#now cannot be compared with int field "n"', position: 2 });
    expect(failure(() => plan(comparison('d', ':', call('null'))))).toEqual({ message: '#null is not a value; only #now can be compared with a field', position: 2 });
  });
});

describe('planField: text and file fields', () => {
  test(': and = search the words of the value in the field (folded)', () => {
    expect(plan(comparison('title', ':', word('Élève')))).toEqual({ kind: 'words', paths: ['t.title'], text: 'eleve', match: 'prefix' });
    expect(plan(comparison('title', '=', phrase('Rue de Paris')))).toEqual({ kind: 'words', paths: ['t.title'], text: 'rue de paris', match: 'phrase' });
    expect(plan(comparison('summary', ':', word('paris')))).toEqual({ kind: 'words', paths: ['t.summary'], text: 'paris', match: 'prefix' });
  });

  test('words with nothing to search drop out', () => {
    expect(plan(comparison('title', ':', word('-')))).toBeNull();
  });

  test('== is the whole value as typed, case and accents kept', () => {
    expect(plan(comparison('title', '==', phrase('Rue de l’Église')))).toEqual({ kind: 'term', path: 'v.title', value: 'Rue de l’Église' });
  });

  test('a field without words is matched on its whole value whatever the operator', () => {
    expect(plan(comparison('code', ':', word('AB-1')))).toEqual({ kind: 'term', path: 'v.code', value: 'AB-1' });
    expect(plan(comparison('doc', '=', word('Report.pdf')))).toEqual({ kind: 'term', path: 'v.doc', value: 'Report.pdf' });
  });

  test('a field without a whole value cannot be matched exactly', () => {
    expect(failure(() => plan(comparison('summary', '==', word('x'))))).toEqual({ message: 'field "summary" has no whole value to match exactly', position: 0 });
  });

  test.each(['>', '<', '>=', '<='] as const)('operator %s is refused at the field', (op) => {
    expect(failure(() => plan(comparison('title', op, word('a'))))).toEqual({ message: `operator ${op} is not valid for text field "title"`, position: 0 });
    expect(failure(() => plan(comparison('doc', op, word('a'))))).toEqual({ message: `operator ${op} is not valid for file field "doc"`, position: 0 });
  });

  test('a text is never compared with a function', () => {
    expect(failure(() => plan(comparison('title', ':', call('now'))))).toEqual({ message: '#now cannot be compared with text field "title"', position: 6 });
    expect(failure(() => plan(comparison('code', '==', call('now'))))).toEqual({ message: '#now cannot be compared with text field "code"', position: 6 });
  });
});

describe('planField: geo and unknown fields', () => {
  test('a geo field is searched with #distance or #polygon only', () => {
    expect(failure(() => plan(comparison('geo', ':', word('1'))))).toEqual({ message: 'field "geo" is geographic: use #distance or #polygon', position: 0 });
    expect(failure(() => plan(comparison('shape', '==', word('1'))))).toEqual({ message: 'field "shape" is geographic: use #distance or #polygon', position: 0 });
  });

  test('an unknown field is refused at its name, listing the fields', () => {
    expect(failure(() => plan(comparison('zz', ':', word('1'))))).toEqual({
      message: 'unknown field "zz" (fields: title, summary, code, doc, n, x, d, t, count, geo, shape)', position: 0,
    });
  });
});

describe('planRange', () => {
  test('numbers, both ends included; * leaves an end open', () => {
    expect(planR(range('n', word('2016'), word('2018')))).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 2016, lte: 2018 } });
    expect(planR(range('n', word('*'), word('2018')))).toEqual({ kind: 'range', path: 'v.n', bounds: { lte: 2018 } });
    expect(planR(range('x', word('1.5'), word('*')))).toEqual({ kind: 'range', path: 'v.x', bounds: { gte: 1.5 } });
    expect(planR(range('x', word('*'), word('*')))).toEqual({ kind: 'range', path: 'v.x', bounds: {} });
  });

  test('an int range is the integers within it; one integer is a term', () => {
    expect(planR(range('n', word('1.5'), word('3.5')))).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 2, lte: 3 } });
    expect(planR(range('n', word('2016'), word('2016')))).toEqual({ kind: 'term', path: 'v.n', value: 2016 });
  });

  test('a quoted "*" is no open end', () => {
    // `x:[` is 3 characters: the quoted star starts at 3.
    expect(failure(() => planR(range('x', phrase('*'), word('3'))))).toEqual({ message: '"*" is not a number (field "x" is double)', position: 3 });
  });

  test('dates cover the whole period of each end', () => {
    expect(planR(range('d', word('2019/02/27'), word('2019-03-01')))).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2019-02-27', lt: '2019-03-02' }, format: 'strict_date' });
    expect(planR(range('t', word('2019'), word('2019')), 'Europe/Paris')).toEqual({
      kind: 'range', path: 'v.t', bounds: { gte: '2018-12-31T23:00:00.000Z', lt: '2019-12-31T23:00:00.000Z' }, format: 'strict_date_optional_time',
    });
  });

  test('#now at either end', () => {
    // A week before 2026-11-21 (UTC) is 2026-11-14; up to today's end is before 2026-11-22.
    expect(planR(range('d', call('now', [{ name: 'days', value: '-7' }]), call('now')))).toEqual({
      kind: 'range', path: 'v.d', bounds: { gte: '2026-11-14', lt: '2026-11-22' }, format: 'strict_date',
    });
  });

  test('a range is only for numbers and dates', () => {
    expect(failure(() => planR(range('title', word('a'), word('b'))))).toEqual({ message: 'a range is not valid for text field "title"', position: 0 });
    expect(failure(() => planR(range('geo', word('1'), word('2'))))).toEqual({ message: 'a range is not valid for geo_point_2d field "geo"', position: 0 });
  });

  test('a field without a whole value, an end that is no number, an unknown field', () => {
    expect(failure(() => planR(range('count', word('1'), word('2'))))).toEqual({ message: 'field "count" has no whole value to compare', position: 0 });
    // `n:[1 TO ` is 8 characters: the second end starts at 8.
    expect(failure(() => planR(range('n', word('1'), word('two'))))).toEqual({ message: '"two" is not a number (field "n" is int)', position: 8 });
    expect(failure(() => planR(range('zz', word('1'), word('2')))).message).toBe('unknown field "zz" (fields: title, summary, code, doc, n, x, d, t, count, geo, shape)');
  });
});
