import { compilePredicate } from '../../../src/compile/compilePredicate';
import type { Predicate } from '../../../src/model/predicate';
import type { FilterCrs } from '../../../src/model/featuresRequest';
import { planCql2 } from '../../../src/plan/cql2/planCql2';
import { QueryError } from '../../../src/query/queryError';
import { recordQuerySchema } from '../../../src/schema/recordQuerySchema';

const CRS84: FilterCrs = { uri: 'CRS84', isWgs84: true, toLonLat: (p) => p };
const LAT_FIRST: FilterCrs = { uri: 'EPSG:4326', isWgs84: true, toLonLat: ([y, x]) => [x, y] };
/** A made-up projected CRS: metres from (0°, 0°), 100 km a degree. */
const PROJECTED: FilterCrs = { uri: 'TEST:1', isWgs84: false, toLonLat: ([x, y]) => [x / 100_000, y / 100_000] };

const schema = recordQuerySchema([
  { name: 'name', label: 'Name', type: 'text', annotations: [], source: { column: 'name' } },
  { name: 'n', label: 'N', type: 'int', annotations: [], source: { column: 'n' } },
  { name: 'x', label: 'X', type: 'double', annotations: [], source: { column: 'x' } },
  { name: 'd', label: 'D', type: 'date', annotations: [], source: { column: 'd' } },
  { name: 't', label: 'T', type: 'datetime', annotations: [], source: { column: 't' } },
  { name: 'geo', label: 'Geo', type: 'geo_point_2d', annotations: [], source: { column: 'geo' } },
]);
const plan = (text: string, crs: FilterCrs = CRS84): Predicate => planCql2(text, { schema, timeZone: 'UTC', crs });
function explain(text: string, crs: FilterCrs = CRS84): string {
  try { plan(text, crs); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`planned: ${text}`);
}

/** "Not p, where the property has a value": CQL2's negation of a comparison. */
const notHolding = (exists: string, p: Predicate): Predicate => ({ kind: 'and', clauses: [{ kind: 'not', clause: { kind: 'missing', path: exists } }, { kind: 'not', clause: p }] });

describe('planCql2: comparisons', () => {
  test('strings: equality on the whole value, order as a keyword range', () => {
    expect(plan("name = 'Rue d''Alésia'")).toEqual({ kind: 'term', path: 'v.name', value: "Rue d'Alésia" });
    expect(plan("name >= 'b'")).toEqual({ kind: 'range', path: 'v.name', bounds: { gte: 'b' } });
    expect(plan("'b' > name")).toEqual({ kind: 'range', path: 'v.name', bounds: { lt: 'b' } });
  });

  test('numbers: a term, ranges, integer bounds for an int property', () => {
    expect(plan('n = 3')).toEqual({ kind: 'term', path: 'v.n', value: 3 });
    expect(plan('n > 2.5')).toEqual({ kind: 'range', path: 'v.n', bounds: { gte: 3 } });
    expect(plan('n = 2.5')).toEqual({ kind: 'none' });
    expect(plan('x <= 1.5')).toEqual({ kind: 'range', path: 'v.x', bounds: { lte: 1.5 } });
    expect(plan('x = 1.5')).toEqual({ kind: 'term', path: 'v.x', value: 1.5 });
  });

  test('dates and instants: DATE is a day, TIMESTAMP an instant', () => {
    expect(plan("d = DATE('2020-02-29')")).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2020-02-29', lt: '2020-03-01' }, format: 'strict_date' });
    expect(plan("d < DATE('2020-02-29')")).toEqual({ kind: 'range', path: 'v.d', bounds: { lt: '2020-02-29' }, format: 'strict_date' });
    expect(plan("t > TIMESTAMP('2020-01-01T10:00:00Z')")).toEqual({ kind: 'range', path: 'v.t', bounds: { gt: '2020-01-01T10:00:00.000Z' }, format: 'strict_date_optional_time' });
    expect(plan("t = DATE('2020-01-01')")).toEqual({ kind: 'range', path: 'v.t', bounds: { gte: '2020-01-01T00:00:00.000Z', lt: '2020-01-02T00:00:00.000Z' }, format: 'strict_date_optional_time' });
    expect(plan("d >= '2020-01-01'")).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2020-01-01' }, format: 'strict_date' });
    // GDAL 3.6 writes a date of its -where so.
    expect(plan("d >= '2020-01-01T'")).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2020-01-01' }, format: 'strict_date' });
  });

  test('<> is true only where the property has a value', () => {
    expect(plan("name <> 'a'")).toEqual(notHolding('t.name', { kind: 'term', path: 'v.name', value: 'a' }));
    expect(plan('NOT n <> 1')).toEqual({ kind: 'term', path: 'v.n', value: 1 });
  });
});

describe('planCql2: boolean logic', () => {
  test('AND/OR flattened, AND before OR; NOT pushed down (De Morgan) to null-aware negations', () => {
    const a: Predicate = { kind: 'term', path: 'v.n', value: 1 };
    const b: Predicate = { kind: 'term', path: 'v.n', value: 2 };
    const c: Predicate = { kind: 'term', path: 'v.name', value: 'c' };
    expect(plan("n = 1 OR n = 2 AND name = 'c'")).toEqual({ kind: 'or', clauses: [a, { kind: 'and', clauses: [b, c] }] });
    expect(plan('n = 1 OR (n = 2 OR n = 1)')).toEqual({ kind: 'or', clauses: [a, b, a] });
    // Each negation is itself an AND (a value, and not the predicate): one flat AND of the four.
    expect(plan("NOT (n = 1 OR name = 'c')")).toEqual({
      kind: 'and', clauses: [{ kind: 'not', clause: { kind: 'missing', path: 'v.n' } }, { kind: 'not', clause: a }, { kind: 'not', clause: { kind: 'missing', path: 't.name' } }, { kind: 'not', clause: c }],
    });
    expect(plan('NOT NOT n = 1')).toEqual(a);
  });

  test('TRUE and FALSE, IS [NOT] NULL (two-valued)', () => {
    expect(plan('TRUE')).toEqual({ kind: 'all' });
    expect(plan('NOT TRUE')).toEqual({ kind: 'none' });
    expect(plan('name IS NULL')).toEqual({ kind: 'missing', path: 't.name' });
    expect(plan('n IS NOT NULL')).toEqual({ kind: 'not', clause: { kind: 'missing', path: 'v.n' } });
    expect(plan('NOT geo IS NULL')).toEqual({ kind: 'not', clause: { kind: 'missing', path: 'v.geo' } });
  });
});

describe('planCql2: advanced comparison operators', () => {
  test('LIKE: a term without wildcards, a prefix for a trailing %, else pattern parts; \\ escapes', () => {
    expect(plan("name LIKE 'abc'")).toEqual({ kind: 'term', path: 'v.name', value: 'abc' });
    expect(plan("name LIKE 'ab%'")).toEqual({ kind: 'prefix', path: 'v.name', value: 'ab' });
    expect(plan("name LIKE '%a_b*?%%'")).toEqual({
      kind: 'like', path: 'v.name',
      pattern: [{ kind: 'anyChars' }, { kind: 'text', text: 'a' }, { kind: 'oneChar' }, { kind: 'text', text: 'b*?' }, { kind: 'anyChars' }],
    });
    expect(plan("name LIKE '100\\%'")).toEqual({ kind: 'term', path: 'v.name', value: '100%' });
    expect(plan("name NOT LIKE 'ab%'")).toEqual(notHolding('t.name', { kind: 'prefix', path: 'v.name', value: 'ab' }));
  });

  test('the compiled wildcard escapes Elasticsearch\'s own wildcard characters', () => {
    // The filter's text is '%a\\\\b*?_': the literal's escapes (/req/cql2-text/escaping) make it the
    // pattern %a\\b*?_, whose \\ is LIKE's escape of one literal backslash.
    expect(compilePredicate(plan("name LIKE '%a\\\\\\\\b*?_'"))).toEqual({ wildcard: { 'v.name': { value: '*a\\\\b\\*\\??' } } });
  });

  test('IN and BETWEEN', () => {
    expect(plan("name IN ('a', 'b')")).toEqual({ kind: 'or', clauses: [{ kind: 'term', path: 'v.name', value: 'a' }, { kind: 'term', path: 'v.name', value: 'b' }] });
    expect(plan('n NOT IN (1)')).toEqual(notHolding('v.n', { kind: 'term', path: 'v.n', value: 1 }));
    expect(plan('x BETWEEN 1 AND 2.5')).toEqual({ kind: 'range', path: 'v.x', bounds: { gte: 1, lte: 2.5 } });
    expect(plan("d BETWEEN DATE('2020-01-01') AND DATE('2020-01-31')")).toEqual({ kind: 'range', path: 'v.d', bounds: { gte: '2020-01-01', lt: '2020-02-01' }, format: 'strict_date' });
    expect(plan("name BETWEEN 'a' AND 'b'")).toEqual({ kind: 'range', path: 'v.name', bounds: { gte: 'a', lte: 'b' } });
  });
});

describe('planCql2: S_INTERSECTS on the indexed point', () => {
  test('BBOX in CRS84 and latitude first; west above east crosses the antimeridian', () => {
    const box: Predicate = { kind: 'bbox', path: 'v.geo', south: 48.8, west: 2.3, north: 48.9, east: 2.4 };
    expect(plan('S_INTERSECTS(geo, BBOX(2.3, 48.8, 2.4, 48.9))')).toEqual(box);
    expect(plan('S_INTERSECTS(geo, BBOX(48.8, 2.3, 48.9, 2.4))', LAT_FIRST)).toEqual(box);
    expect(plan('S_INTERSECTS(geo, BBOX(170, -10, -170, 10))')).toEqual({ kind: 'bbox', path: 'v.geo', south: -10, west: 170, north: 10, east: -170 });
    // 21-065r2 Annex A bboxText: west, south, [minElev,] east, north [, maxElev]; the heights are dropped.
    expect(plan('S_INTERSECTS(geo, BBOX(2.3, 48.8, -100, 2.4, 48.9, 100))')).toEqual(box);
  });

  test('a projected BBOX is its densified outline', () => {
    const p = plan('S_INTERSECTS(geo, BBOX(0, 0, 100000, 200000))', PROJECTED);
    if (p.kind !== 'polygon') throw new Error('polygon expected');
    expect(p.ring.length).toBe(4 * 32 + 1);
    expect([p.ring[0], p.ring[32], p.ring[64], p.ring[96], p.ring[128]]).toEqual([[0, 0], [0, 1], [2, 1], [2, 0], [0, 0]]);
  });

  test('POLYGON: the outer ring less its holes; POINT: that point; either order', () => {
    expect(plan('S_INTERSECTS(POLYGON((0 0, 2 0, 2 2, 0 0), (1 1, 1.5 1, 1.5 1.5, 1 1)), geo)')).toEqual({
      kind: 'and', clauses: [
        { kind: 'polygon', path: 'v.geo', ring: [[0, 0], [0, 2], [2, 2], [0, 0]] },
        { kind: 'not', clause: { kind: 'polygon', path: 'v.geo', ring: [[1, 1], [1, 1.5], [1.5, 1.5], [1, 1]] } },
      ],
    });
    expect(plan('S_INTERSECTS(geo, POINT(2.35 48.85))')).toEqual({ kind: 'bbox', path: 'v.geo', south: 48.85, west: 2.35, north: 48.85, east: 2.35 });
    expect(plan('NOT S_INTERSECTS(geo, POINT(2.35 48.85))')).toEqual(notHolding('v.geo', { kind: 'bbox', path: 'v.geo', south: 48.85, west: 2.35, north: 48.85, east: 2.35 }));
  });
});

describe('planCql2: what the queryables refuse, with positions', () => {
  test('exact messages', () => {
    expect(explain('nope = 1')).toBe('unknown property "nope" (queryables: name, n, x, d, t, geo) at position 0\nnope = 1\n^');
    expect(explain("n = 'a'")).toBe('property "n" is a number: compare it with a number at position 4\nn = \'a\'\n    ^');
    expect(explain('name = 1')).toBe('property "name" is a string: compare it with a quoted string (\'…\') at position 7\nname = 1\n       ^');
    expect(explain('name = true')).toBe('there is no boolean property: "name" is a string at position 7\nname = true\n       ^');
    expect(explain('d = 2020')).toBe('property "d" is a date: compare it with DATE(\'…\') or TIMESTAMP(\'…\') at position 4\nd = 2020\n    ^');
    expect(explain("d = DATE('2020-02-30')")).toMatch(/^day 30 does not exist in 2020\/02 at position 4\n/);
    expect(explain('n = x')).toBe('comparing two properties is not supported: compare "x" with a value at position 4\nn = x\n    ^');
    expect(explain('1 = 1')).toBe('a comparison needs a property on its left at position 0\n1 = 1\n^');
    expect(explain("geo = 'a'")).toBe('property "geo" is a geometry: use S_INTERSECTS or IS NULL at position 0\ngeo = \'a\'\n^');
    expect(explain("n LIKE 'a%'")).toBe('LIKE applies to strings; property "n" is int at position 7\nn LIKE \'a%\'\n       ^');
    expect(explain('S_INTERSECTS(name, POINT(0 0))')).toBe('property "name" is not a geometry at position 13\nS_INTERSECTS(name, POINT(0 0))\n             ^');
    expect(explain('S_INTERSECTS(geo, BBOX(0, 91, 1, 92))')).toBe('a position lies outside the area of CRS84 at position 18\nS_INTERSECTS(geo, BBOX(0, 91, 1, 92))\n                  ^');
    expect(explain('S_INTERSECTS(geo, BBOX(0, 2, 1, 1))')).toMatch(/^BBOX: the lower latitude is above the upper one at position 18\n/);
  });
});

describe('planCql2: negations pushed down to each kind of predicate', () => {
  const one: Predicate = { kind: 'term', path: 'v.n', value: 1 };
  const two: Predicate = { kind: 'term', path: 'v.n', value: 2 };

  test('NOT over AND is an OR of null-aware negations; a nested AND is flattened', () => {
    expect(plan('NOT (n = 1 AND n = 2)')).toEqual({ kind: 'or', clauses: [notHolding('v.n', one), notHolding('v.n', two)] });
    expect(plan('NOT (n = 1 AND NOT n = 2)')).toEqual({ kind: 'or', clauses: [notHolding('v.n', one), two] });
    expect(plan('n = 1 AND (n = 2 AND n = 1)')).toEqual({ kind: 'and', clauses: [one, two, one] });
  });

  test('FALSE matches nothing, NOT FALSE everything', () => {
    expect(plan('FALSE')).toEqual({ kind: 'none' });
    expect(plan('NOT FALSE')).toEqual({ kind: 'all' });
  });

  test('comparisons: a negated order, a flipped <>', () => {
    // n < 1 on an int is n ≤ 0.
    expect(plan('NOT n < 1')).toEqual(notHolding('v.n', { kind: 'range', path: 'v.n', bounds: { lte: 0 } }));
    expect(plan('1 <> n')).toEqual(notHolding('v.n', one));
    expect(plan('NOT 1 = n')).toEqual(notHolding('v.n', one));
  });

  test('NOT LIKE, NOT BETWEEN, NOT IN, each negated once more', () => {
    expect(plan("NOT name NOT LIKE 'a'")).toEqual({ kind: 'term', path: 'v.name', value: 'a' });
    expect(plan("NOT name LIKE 'a'")).toEqual(notHolding('t.name', { kind: 'term', path: 'v.name', value: 'a' }));
    const between: Predicate = { kind: 'range', path: 'v.x', bounds: { gte: 1, lte: 2 } };
    expect(plan('x NOT BETWEEN 1 AND 2')).toEqual(notHolding('v.x', between));
    expect(plan('NOT x NOT BETWEEN 1 AND 2')).toEqual(between);
    expect(plan('NOT x BETWEEN 1 AND 2')).toEqual(notHolding('v.x', between));
    expect(plan('n IN (1)')).toEqual(one);
    expect(plan('NOT n IN (1, 2)')).toEqual(notHolding('v.n', { kind: 'or', clauses: [one, two] }));
    expect(plan('NOT n NOT IN (1)')).toEqual(one);
  });

  test('IS NULL stays two-valued under NOT', () => {
    expect(plan('NOT name IS NOT NULL')).toEqual({ kind: 'missing', path: 't.name' });
    expect(plan('NOT d IS NULL')).toEqual({ kind: 'not', clause: { kind: 'missing', path: 'v.d' } });
  });

  test('S_INTERSECTS negated twice is itself', () => {
    expect(plan('NOT NOT S_INTERSECTS(geo, POINT(2 48))')).toEqual({ kind: 'bbox', path: 'v.geo', south: 48, west: 2, north: 48, east: 2 });
  });

  test('IS NULL needs a known property', () => {
    expect(explain('1 IS NULL')).toBe('IS NULL needs a property at position 0\n1 IS NULL\n^');
    expect(explain('nope IS NULL')).toBe('unknown property "nope" (queryables: name, n, x, d, t, geo) at position 0\nnope IS NULL\n^');
  });
});
