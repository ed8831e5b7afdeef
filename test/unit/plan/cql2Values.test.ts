import type { FilterCrs } from '../../../src/model/featuresRequest';
import type { Predicate } from '../../../src/model/predicate';
import { planCql2 } from '../../../src/plan/cql2/planCql2';
import { QueryError } from '../../../src/query/queryError';
import { recordQuerySchema } from '../../../src/schema/recordQuerySchema';

const CRS84: FilterCrs = { uri: 'CRS84', isWgs84: true, toLonLat: (p) => p };
const schema = recordQuerySchema([
  { name: 'name', label: 'Name', type: 'text', annotations: [], source: { column: 'name' } },
  { name: 'n', label: 'N', type: 'int', annotations: [], source: { column: 'n' } },
  { name: 'x', label: 'X', type: 'double', annotations: [], source: { column: 'x' } },
  { name: 'd', label: 'D', type: 'date', annotations: [], source: { column: 'd' } },
  { name: 't', label: 'T', type: 'datetime', annotations: [], source: { column: 't' } },
  { name: 'doc', label: 'Doc', type: 'file', annotations: [], source: { column: 'doc' } },
  { name: 'geo', label: 'Geo', type: 'geo_point_2d', annotations: [], source: { column: 'geo' } },
]);
const plan = (text: string, timeZone = 'UTC'): Predicate => planCql2(text, { schema, timeZone, crs: CRS84 });
function explain(text: string): string {
  try { plan(text); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`planned: ${text}`);
}
const at = (message: string, text: string, position: number): string => `${message} at position ${position}\n${text}\n${' '.repeat(position)}^`;
const range = (path: string, bounds: object, format?: string): Predicate => ({ kind: 'range', path, bounds, ...(format ? { format } : {}) }) as Predicate;
const onD = (bounds: object): Predicate => range('v.d', bounds, 'strict_date');
const onT = (bounds: object): Predicate => range('v.t', bounds, 'strict_date_optional_time');

describe('compareValue: every operator, property on either side', () => {
  test('numbers (double): =, <, <=, >, >=', () => {
    expect(plan('x = 1.5')).toEqual({ kind: 'term', path: 'v.x', value: 1.5 });
    expect(plan('x < 1.5')).toEqual(range('v.x', { lt: 1.5 }));
    expect(plan('x <= 1.5')).toEqual(range('v.x', { lte: 1.5 }));
    expect(plan('x > 1.5')).toEqual(range('v.x', { gt: 1.5 }));
    expect(plan('x >= 1.5')).toEqual(range('v.x', { gte: 1.5 }));
  });

  test('a literal on the left: the comparison read the other way round', () => {
    expect(plan('1.5 = x')).toEqual({ kind: 'term', path: 'v.x', value: 1.5 });
    expect(plan('1.5 < x')).toEqual(range('v.x', { gt: 1.5 }));
    expect(plan('1.5 <= x')).toEqual(range('v.x', { gte: 1.5 }));
    expect(plan('1.5 > x')).toEqual(range('v.x', { lt: 1.5 }));
    expect(plan('1.5 >= x')).toEqual(range('v.x', { lte: 1.5 }));
  });

  test('strings: keyword ranges', () => {
    expect(plan("name < 'm'")).toEqual(range('v.name', { lt: 'm' }));
    expect(plan("name <= 'm'")).toEqual(range('v.name', { lte: 'm' }));
    expect(plan("name > 'm'")).toEqual(range('v.name', { gt: 'm' }));
  });

  test('a file field compares as its text', () => {
    expect(plan("doc = 'a.pdf'")).toEqual({ kind: 'term', path: 'v.doc', value: 'a.pdf' });
  });

  test('DATE on a date: the day as an interval, each operator on its ends', () => {
    expect(plan("d = DATE('2020-02-29')")).toEqual(onD({ gte: '2020-02-29', lt: '2020-03-01' }));
    expect(plan("d < DATE('2020-02-29')")).toEqual(onD({ lt: '2020-02-29' }));
    expect(plan("d <= DATE('2020-02-29')")).toEqual(onD({ lt: '2020-03-01' }));
    expect(plan("d > DATE('2020-02-29')")).toEqual(onD({ gte: '2020-03-01' }));
    expect(plan("d >= DATE('2020-02-29')")).toEqual(onD({ gte: '2020-02-29' }));
    expect(plan("DATE('2020-02-29') < d")).toEqual(onD({ gte: '2020-03-01' }));
  });

  test('TIMESTAMP on a datetime: an instant', () => {
    const i = '2020-01-01T10:00:00.000Z';
    expect(plan("t = TIMESTAMP('2020-01-01T10:00:00Z')")).toEqual(onT({ gte: i, lte: i }));
    expect(plan("t < TIMESTAMP('2020-01-01T10:00:00Z')")).toEqual(onT({ lt: i }));
    expect(plan("t <= TIMESTAMP('2020-01-01T10:00:00Z')")).toEqual(onT({ lte: i }));
    expect(plan("t >= TIMESTAMP('2020-01-01T10:00:00Z')")).toEqual(onT({ gte: i }));
  });

  test('DATE on a datetime is the day in the filter\'s zone', () => {
    // 2020-01-01 in Paris (UTC+1) is 2019-12-31T23:00Z up to 2020-01-01T23:00Z.
    expect(plan("t = DATE('2020-01-01')", 'Europe/Paris')).toEqual(onT({ gte: '2019-12-31T23:00:00.000Z', lt: '2020-01-01T23:00:00.000Z' }));
  });

  test('TIMESTAMP on a date is the day it falls in', () => {
    expect(plan("d = TIMESTAMP('2020-01-01T23:30:00Z')")).toEqual(onD({ gte: '2020-01-01', lt: '2020-01-02' }));
    // In Paris that instant is already 2 January.
    expect(plan("d = TIMESTAMP('2020-01-01T23:30:00Z')", 'Europe/Paris')).toEqual(onD({ gte: '2020-01-02', lt: '2020-01-03' }));
  });

  test('a string shaped as a date is a day; as an instant, an instant; GDAL\'s `date T` a day; spaces trimmed', () => {
    expect(plan("t >= '2020-01-01'")).toEqual(onT({ gte: '2020-01-01T00:00:00.000Z' }));
    expect(plan("t = '2020-01-01T10:00:00Z'")).toEqual(onT({ gte: '2020-01-01T10:00:00.000Z', lte: '2020-01-01T10:00:00.000Z' }));
    expect(plan("t = '2019-06-21T'")).toEqual(onT({ gte: '2019-06-21T00:00:00.000Z', lt: '2019-06-22T00:00:00.000Z' }));
    expect(plan("d = ' 2020-01-01 '")).toEqual(onD({ gte: '2020-01-01', lt: '2020-01-02' }));
    expect(plan("t = ' 2019-06-21T '")).toEqual(onT({ gte: '2019-06-21T00:00:00.000Z', lt: '2019-06-22T00:00:00.000Z' }));
  });
});

describe('compareValue: literals of the wrong type, at the literal', () => {
  test('dates and datetimes take DATE, TIMESTAMP or a date string', () => {
    expect(explain('t = 1')).toBe(at('property "t" is a datetime: compare it with DATE(\'…\') or TIMESTAMP(\'…\')', 't = 1', 4));
    expect(explain('d = TRUE')).toBe(at('property "d" is a date: compare it with DATE(\'…\') or TIMESTAMP(\'…\')', 'd = TRUE', 4));
    expect(explain("d = 'soon'")).toMatch(/ at position 4\nd = 'soon'\n {4}\^$/);
    expect(explain('d = t')).toBe(at('comparing two properties is not supported: compare "t" with a value', 'd = t', 4));
    // A long property name is quoted up to 100 characters.
    const long = `d = "${'p'.repeat(150)}"`;
    expect(explain(long).split(' at position')[0]).toBe(`comparing two properties is not supported: compare "${'p'.repeat(100)}" with a value`);
  });

  test('strings take a quoted string; a file is named by its type', () => {
    expect(explain("name = DATE('2020-01-01')")).toBe(at('property "name" is a string: compare it with a quoted string (\'…\')', "name = DATE('2020-01-01')", 7));
    expect(explain('doc = 1')).toBe(at('property "doc" is file: compare it with a quoted string (\'…\')', 'doc = 1', 6));
    expect(explain('doc = FALSE')).toBe(at('there is no boolean property: "doc" is file', 'doc = FALSE', 6));
  });

  test('numbers take a number', () => {
    expect(explain("x = DATE('2020-01-01')")).toBe(at('property "x" is a number: compare it with a number', "x = DATE('2020-01-01')", 4));
    expect(explain('x = TRUE')).toBe(at('property "x" is a number: compare it with a number', 'x = TRUE', 4));
  });
});

describe('betweenValues: both ends included', () => {
  test('int: the integers between', () => {
    expect(plan('n BETWEEN 1.5 AND 3.5')).toEqual(range('v.n', { gte: 2, lte: 3 }));
    expect(plan('n BETWEEN 2 AND 2')).toEqual({ kind: 'term', path: 'v.n', value: 2 });
  });

  test('datetime: from the start of the low end to the end of the high one', () => {
    expect(plan("t BETWEEN TIMESTAMP('2020-01-01T00:00:00Z') AND DATE('2020-01-31')")).toEqual(onT({ gte: '2020-01-01T00:00:00.000Z', lt: '2020-02-01T00:00:00.000Z' }));
    expect(plan("t BETWEEN DATE('2020-01-01') AND TIMESTAMP('2020-01-02T12:00:00Z')")).toEqual(onT({ gte: '2020-01-01T00:00:00.000Z', lte: '2020-01-02T12:00:00.000Z' }));
  });

  test('an end of the wrong type is refused at that end', () => {
    expect(explain("n BETWEEN 'a' AND 2")).toBe(at('property "n" is a number: compare it with a number', "n BETWEEN 'a' AND 2", 10));
    expect(explain("x BETWEEN 1 AND 'b'")).toBe(at('property "x" is a number: compare it with a number', "x BETWEEN 1 AND 'b'", 16));
    expect(explain("d BETWEEN DATE('2020-01-01') AND 5")).toBe(at('property "d" is a date: compare it with DATE(\'…\') or TIMESTAMP(\'…\')', "d BETWEEN DATE('2020-01-01') AND 5", 33));
  });
});

describe('comparable: a property on the left that is no geometry', () => {
  test('a literal where the property belongs', () => {
    expect(explain("'a' LIKE 'b'")).toBe(at('LIKE needs a property on its left', "'a' LIKE 'b'", 0));
    expect(explain('1 BETWEEN 0 AND 2')).toBe(at('BETWEEN needs a property on its left', '1 BETWEEN 0 AND 2', 0));
    expect(explain('1 IN (1)')).toBe(at('IN needs a property on its left', '1 IN (1)', 0));
  });

  test('a geometry property', () => {
    expect(explain('geo BETWEEN 1 AND 2')).toBe(at('property "geo" is a geometry: use S_INTERSECTS or IS NULL', 'geo BETWEEN 1 AND 2', 0));
    expect(explain("geo IN ('a')")).toBe(at('property "geo" is a geometry: use S_INTERSECTS or IS NULL', "geo IN ('a')", 0));
    expect(explain("geo LIKE 'a'")).toBe(at('property "geo" is a geometry: use S_INTERSECTS or IS NULL', "geo LIKE 'a'", 0));
  });
});
