import { parseCql2 } from '../../../src/query/cql2/cql2Parse';
import { QUERY_LIMITS } from '../../../src/query/parse';
import { QueryError } from '../../../src/query/queryError';

/** The AST without spans, for readable expectations. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'span').map(([k, v]) => [k, shape(v)]));
  return node;
}
const parse = (text: string): unknown => shape(parseCql2(text));
const prop = (name: string) => ({ kind: 'property', name });
const str = (value: string) => ({ kind: 'string', value });
const num = (value: number) => ({ kind: 'number', value });
const eq = (name: string, value: unknown) => ({ kind: 'compare', op: '=', left: prop(name), right: value });

function explain(text: string): string {
  try { parseCql2(text); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`parsed: ${text}`);
}

describe('parseCql2: Basic CQL2', () => {
  test('each comparison operator, a literal on either side', () => {
    for (const op of ['=', '<>', '<', '<=', '>', '>=']) expect(parse(`a ${op} 1`)).toEqual({ kind: 'compare', op, left: prop('a'), right: num(1) });
    expect(parse("'x'=b")).toEqual({ kind: 'compare', op: '=', left: str('x'), right: prop('b') });
  });

  test('literals: strings with doubled quotes, signed and decimal numbers, booleans, DATE and TIMESTAMP', () => {
    expect(parse("a = 'it''s'")).toEqual(eq('a', str("it's")));
    expect(parse('a = -1.5e2')).toEqual(eq('a', num(-150)));
    expect(parse('a = .5')).toEqual(eq('a', num(0.5)));
    expect(parse('a = true')).toEqual(eq('a', { kind: 'boolean', value: true }));
    expect(parse("a = DATE('2020-01-31')")).toEqual(eq('a', { kind: 'date', text: '2020-01-31' }));
    expect(parse("a < timestamp('2020-01-31T10:00:00.5Z')")).toEqual({ kind: 'compare', op: '<', left: prop('a'), right: { kind: 'timestamp', text: '2020-01-31T10:00:00.5Z' } });
  });

  test('character literal escapes (21-065r2, /req/cql2-text/escaping A–C; clause 6 example \'Via dell\'\'Avvento\')', () => {
    // B: an embedded quote doubled, or after a backslash.
    expect(parse("a = 'Via dell''Avvento'")).toEqual(eq('a', str("Via dell'Avvento")));
    expect(parse("a = 'Via dell\\'Avvento'")).toEqual(eq('a', str("Via dell'Avvento")));
    // C: BEL, BACKSPACE, TAB, NEWLINE, VERTICAL TAB, FORM FEED, CARRIAGE RETURN: CHR(07) to CHR(13).
    expect(parse("a = '\\a\\b\\t\\n\\v\\f\\r'")).toEqual(eq('a', str(String.fromCharCode(7, 8, 9, 10, 11, 12, 13))));
    // A: the backslash is the escape character, so two of them are one backslash.
    expect(parse("a = 'C:\\\\x'")).toEqual(eq('a', str('C:\\x')));
    // Any other backslash pair is kept whole, for LIKE's own escape (/req/advanced-comparison-operators/like-predicate K).
    expect(parse("a LIKE '100\\%'")).toEqual({ kind: 'like', negated: false, operand: prop('a'), pattern: str('100\\%') });
    // An escaped quote does not close the literal.
    expect(explain("a = 'x\\'")).toMatch(/^unterminated string: a closing ' is missing at position 4/);
  });

  test('identifiers (21-065r2 Annex A, rule identifier): a colon may start one; combining marks and dots within', () => {
    expect(parse('ns:a.b = 1')).toEqual(eq('ns:a.b', num(1)));
    expect(parse(':x = 1')).toEqual(eq(':x', num(1)));
    expect(parse('cafe\u0301 = 1')).toEqual(eq('cafe\u0301', num(1)));
  });

  test('a "quoted" name is a property even when it is a keyword', () => {
    expect(parse('"and" = 1')).toEqual(eq('and', num(1)));
    expect(parse('"a b""c" = 1')).toEqual(eq('a b"c', num(1)));
  });

  test('precedence NOT > AND > OR; keywords in any case; parentheses', () => {
    expect(parse('a = 1 OR b = 2 and c = 3')).toEqual({ kind: 'or', operands: [eq('a', num(1)), { kind: 'and', operands: [eq('b', num(2)), eq('c', num(3))] }] });
    expect(parse('(a = 1 OR b = 2) AND c = 3')).toEqual({ kind: 'and', operands: [{ kind: 'or', operands: [eq('a', num(1)), eq('b', num(2))] }, eq('c', num(3))] });
    expect(parse('NOT a = 1 AND b = 2')).toEqual({ kind: 'and', operands: [{ kind: 'not', operand: eq('a', num(1)) }, eq('b', num(2))] });
    expect(parse('a = 1 AND b = 2 AND c = 3')).toEqual({ kind: 'and', operands: [eq('a', num(1)), eq('b', num(2)), eq('c', num(3))] });
    expect(parse('NOT NOT TRUE')).toEqual({ kind: 'not', operand: { kind: 'not', operand: { kind: 'literal', value: true } } });
  });

  test('IS [NOT] NULL', () => {
    expect(parse('a IS NULL')).toEqual({ kind: 'isNull', negated: false, operand: prop('a') });
    expect(parse('a is not null')).toEqual({ kind: 'isNull', negated: true, operand: prop('a') });
  });

  test('spans cover the text of each node', () => {
    const node = parseCql2('x = 1 OR (y LIKE \'a%\')');
    expect(node.span).toEqual({ start: 0, end: 22 });
    if (node.kind !== 'or') throw new Error('or expected');
    expect(node.operands.map((n) => n.span)).toEqual([{ start: 0, end: 5 }, { start: 9, end: 22 }]);
  });
});

describe('parseCql2: advanced comparison operators and S_INTERSECTS', () => {
  test('[NOT] LIKE, [NOT] BETWEEN, [NOT] IN', () => {
    expect(parse("a LIKE 'x%'")).toEqual({ kind: 'like', negated: false, operand: prop('a'), pattern: str('x%') });
    expect(parse("a NOT LIKE 'x_'")).toEqual({ kind: 'like', negated: true, operand: prop('a'), pattern: str('x_') });
    expect(parse('a BETWEEN 1 AND 2 AND b = 3')).toEqual({ kind: 'and', operands: [{ kind: 'between', negated: false, operand: prop('a'), low: num(1), high: num(2) }, eq('b', num(3))] });
    expect(parse('a NOT BETWEEN 1 AND 2')).toEqual({ kind: 'between', negated: true, operand: prop('a'), low: num(1), high: num(2) });
    expect(parse("a IN ('x', 'y')")).toEqual({ kind: 'in', negated: false, operand: prop('a'), list: [str('x'), str('y')] });
    expect(parse('a NOT IN (1)')).toEqual({ kind: 'in', negated: true, operand: prop('a'), list: [num(1)] });
  });

  test('S_INTERSECTS with POINT, BBOX and POLYGON (with a hole), either order', () => {
    expect(parse('S_INTERSECTS(geom, POINT(2.35 48.85))')).toEqual({ kind: 'intersects', left: prop('geom'), right: { kind: 'point', position: [2.35, 48.85] } });
    expect(parse('s_intersects(BBOX(1,2,3,4), geom)')).toEqual({ kind: 'intersects', left: { kind: 'bbox', numbers: [1, 2, 3, 4] }, right: prop('geom') });
    expect(parse('S_INTERSECTS(geom, POLYGON((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1)))')).toEqual({
      kind: 'intersects', left: prop('geom'), right: { kind: 'polygon', rings: [[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]] },
    });
  });

  test('the spec\'s literals (21-065r2 clause 7: example 7.6, schema/examples/text/clause7_07.txt): a BBOX across the antimeridian, POINT [Z] with a height', () => {
    expect(parse('S_INTERSECTS(geometry,POINT(36.319836 32.288087))')).toEqual({ kind: 'intersects', left: prop('geometry'), right: { kind: 'point', position: [36.319836, 32.288087] } });
    expect(parse('S_INTERSECTS(geometry,BBOX(160.6,-55.95,-170,-25.89))')).toEqual({ kind: 'intersects', left: prop('geometry'), right: { kind: 'bbox', numbers: [160.6, -55.95, -170, -25.89] } });
    // Annex A: pointTaggedText = "POINT" ["Z"] pointText; point = xCoord yCoord [zCoord]. The height is dropped.
    for (const point of ['POINT Z(1 2 3)', 'point z (1 2 3)', 'POINT(1 2 3)']) expect(parse(`S_INTERSECTS(g, ${point})`)).toEqual({ kind: 'intersects', left: prop('g'), right: { kind: 'point', position: [1, 2] } });
    expect(parse('S_INTERSECTS(g, POLYGON Z((0 0 1, 4 0 1, 4 4 1, 0 0 1)))')).toEqual({ kind: 'intersects', left: prop('g'), right: { kind: 'polygon', rings: [[[0, 0], [4, 0], [4, 4], [0, 0]]] } });
    expect(explain('S_INTERSECTS(g, BBOX Z(1,2,3,4))')).toMatch(/^BBOX has no Z tag: .* at position 16\n/);
  });
});

describe('parseCql2: errors say what and where, with a caret', () => {
  test('exact messages and positions', () => {
    expect(explain('a = 1 AND')).toBe('expected a property or a value, found the end of the filter at position 9\na = 1 AND\n         ^');
    expect(explain("a = 'open")).toBe("unterminated string: a closing ' is missing at position 4\na = 'open\n    ^");
    expect(explain('a = 1)')).toBe('unbalanced ")" at position 5\na = 1)\n     ^');
    expect(explain('(a = 1')).toBe('expected ")" to close the parenthesis, found the end of the filter at position 6\n(a = 1\n      ^');
    expect(explain('a == 1')).toBe('expected a property or a value, found "=" at position 3\na == 1\n   ^');
    expect(explain('a 1')).toBe('expected a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL after a, found 1 at position 2\na 1\n  ^');
    expect(explain('a BETWEEN 1 OR 2')).toBe('expected AND in BETWEEN, found OR at position 12\na BETWEEN 1 OR 2\n            ^');
    expect(explain('a IS 1')).toBe('expected NULL after IS, found 1 at position 5\na IS 1\n     ^');
    expect(explain('a = AND')).toBe('expected a property or a value, found AND at position 4\na = AND\n    ^');
    expect(explain('a = 1 ; b')).toBe('unexpected character ";" at position 6\na = 1 ; b\n      ^');
    expect(explain('')).toBe('empty filter at position 0\n\n^');
  });

  test('literals and geometries of the wrong shape', () => {
    expect(explain("a = DATE('2020-1-1')")).toBe("DATE('2020-1-1') is not a date such as DATE('2020-01-31') at position 9\na = DATE('2020-1-1')\n         ^");
    expect(explain("a = TIMESTAMP('2020-01-01')")).toMatch(/^TIMESTAMP\('2020-01-01'\) is not an RFC 3339 instant .* at position 14\n/);
    expect(explain('S_INTERSECTS(g, BBOX(1,2,3))')).toMatch(/^BBOX takes 4 numbers \(or 6 with heights\), not 3 at position 16\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1)))')).toMatch(/^a POLYGON ring has at least 4 positions and ends where it starts at position 24\n/);
    expect(explain('S_INTERSECTS(g, POINT(1))')).toMatch(/^expected a number in POINT, found "\)" at position 23\n/);
    expect(explain('S_INTERSECTS(g, LINESTRING(0 0, 1 1))')).toMatch(/^LINESTRING is not supported: .* at position 16\n/);
    expect(explain('S_WITHIN(g, POINT(0 0))')).toMatch(/^S_WITHIN is not supported: .* at position 0\n/);
    expect(explain('S_INTERSECTS(g, 1)')).toMatch(/^expected a property or a geometry \(POINT, POLYGON, BBOX\) at position 16\n/);
    expect(explain('f(x) = 1')).toBe('unknown function f at position 0\nf(x) = 1\n^');
  });

  test('length, depth and clause count are bounded', () => {
    expect(explain(`a = '${'x'.repeat(QUERY_LIMITS.maxLength)}'`)).toMatch(/^filter longer than 10000 characters/);
    expect(explain(`${'('.repeat(QUERY_LIMITS.maxDepth + 1)}a = 1${')'.repeat(QUERY_LIMITS.maxDepth + 1)}`)).toMatch(/^filter nested deeper than 32 levels at position 32\n/);
    expect(explain(`${'NOT '.repeat(QUERY_LIMITS.maxDepth + 1)}TRUE`)).toMatch(/^filter nested deeper than 32 levels/);
    expect(explain(Array.from({ length: QUERY_LIMITS.maxClauses + 1 }, () => 'a = 1').join(' OR '))).toMatch(/^filter has more than 1024 predicates/);
  });
});

describe('parseCql2: spans, token edges and inclusive limits', () => {
  test('each predicate spans from its first to its last character', () => {
    // Offsets counted on the text: "a IS NOT NULL" is 13 characters, and so on.
    expect(parseCql2('a IS NOT NULL').span).toEqual({ start: 0, end: 13 });
    expect(parseCql2("ab LIKE 'x'").span).toEqual({ start: 0, end: 11 });
    expect(parseCql2('a BETWEEN 1 AND 22').span).toEqual({ start: 0, end: 18 });
    expect(parseCql2('a IN (1, 2) ').span).toEqual({ start: 0, end: 11 });
    expect(parseCql2(' NOT a = 1').span).toEqual({ start: 1, end: 10 });
    expect(parseCql2('a = 1 AND b = 2').span).toEqual({ start: 0, end: 15 });
    expect(parseCql2('S_INTERSECTS(g, POINT(1 2))').span).toEqual({ start: 0, end: 27 });
    expect(parseCql2(' true').span).toEqual({ start: 1, end: 5 });
    expect(parseCql2("a = DATE('2020-01-31')")).toMatchObject({ span: { start: 0, end: 22 }, right: { kind: 'date', span: { start: 4, end: 22 } } });
    expect(parseCql2('S_INTERSECTS(g, BBOX(1,2,3,4))')).toMatchObject({ right: { span: { start: 16, end: 29 } } });
    expect(parseCql2('S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1, 0 0)))')).toMatchObject({ right: { span: { start: 16, end: 45 } } });
  });

  test('tokens: signed numbers, a quoted name, time zone offsets and lower-case keywords', () => {
    expect(parse('a = +2')).toEqual(eq('a', num(2)));
    expect(parse('a=-.5')).toEqual(eq('a', num(-0.5)));
    expect(parse('a = 1.')).toEqual(eq('a', num(1)));
    expect(parse('a = 2E3')).toEqual(eq('a', num(2000)));
    expect(parse('a<>b')).toEqual({ kind: 'compare', op: '<>', left: prop('a'), right: prop('b') });
    expect(parse('a<=1')).toEqual({ kind: 'compare', op: '<=', left: prop('a'), right: num(1) });
    expect(parse("a > timestamp('2020-01-31t10:00:00+01:30')")).toEqual({ kind: 'compare', op: '>', left: prop('a'), right: { kind: 'timestamp', text: '2020-01-31t10:00:00+01:30' } });
    expect(parse('s_intersects = 1')).toEqual(eq('s_intersects', num(1)));
    expect(parse('a = FALSE')).toEqual(eq('a', { kind: 'boolean', value: false }));
    expect(parse('a not in (1)')).toEqual({ kind: 'in', negated: true, operand: prop('a'), list: [num(1)] });
    expect(parse('S_INTERSECTS("g", POINT(1 2))')).toEqual({ kind: 'intersects', left: prop('g'), right: { kind: 'point', position: [1, 2] } });
  });

  test('what each refusal names', () => {
    expect(explain('"open = 1')).toMatch(/^unterminated quoted name: a closing " is missing at position 0\n/);
    expect(explain("a = 'x' 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz'")).toMatch(/^unexpected 'abcdefghijklmnopqrstuvwxyzabcdefghijklmn' at position 8\n/);
    expect(explain('a = 1 "b"')).toMatch(/^unexpected "b" at position 6\n/);
    expect(explain('a = 1 2')).toMatch(/^unexpected 2 at position 6\n/);
    expect(explain('a = 1 b')).toMatch(/^unexpected b at position 6\n/);
    expect(explain('a IS NOT 1')).toMatch(/^expected NULL after IS NOT, found 1 at position 9\n/);
    expect(explain('a NOT 1')).toMatch(/^expected a comparison .* after a, found NOT at position 2\n/);
    expect(explain('a = DATE(1)')).toMatch(/^DATE takes a quoted text, found 1 at position 9\n/);
    expect(explain("a = DATE('2020-01-31'")).toMatch(/^expected "\)" to close DATE, found the end of the filter at position 21\n/);
    expect(explain('a IN 1')).toMatch(/^expected "\(" after IN, found 1 at position 5\n/);
    expect(explain('a IN (1 2)')).toMatch(/^expected "\)" to close the IN list, found 2 at position 8\n/);
    expect(explain('S_INTERSECTS(g POINT(1 2))')).toMatch(/^expected "," between the two geometries of S_INTERSECTS, found POINT at position 15\n/);
    expect(explain('S_INTERSECTS(g, POINT(1 2)')).toMatch(/^expected "\)" to close S_INTERSECTS, found the end of the filter at position 26\n/);
    expect(explain('S_INTERSECTS(g, POINT(1 2 3 4))')).toMatch(/^expected "\)" to close POINT, found 4 at position 28\n/);
    expect(explain('S_INTERSECTS(g, POLYGON(0 0))')).toMatch(/^expected "\(" to open a ring of POLYGON, found 0 at position 24\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1, 0 1)))')).toMatch(/^a POLYGON ring has at least 4 positions .* at position 24\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1, 1 0)))')).toMatch(/^a POLYGON ring has at least 4 positions .* at position 24\n/);
    expect(explain('S_INTERSECTS(g, FOO(1))')).toBe('unknown function FOO at position 16\nS_INTERSECTS(g, FOO(1))\n                ^');
    expect(explain('a = casei(b)')).toMatch(/^CASEI is not supported: /);
    expect(explain('a = 1 OR')).toMatch(/^expected a property or a value, found the end of the filter at position 8\n/);
  });

  test('limits are inclusive: 10000 characters, 32 levels, 1024 predicates and IN values', () => {
    expect(parse(`a = '${'x'.repeat(QUERY_LIMITS.maxLength - 6)}'`)).toEqual(eq('a', str('x'.repeat(QUERY_LIMITS.maxLength - 6))));
    expect(parse(`${'('.repeat(QUERY_LIMITS.maxDepth)}a = 1${')'.repeat(QUERY_LIMITS.maxDepth)}`)).toEqual(eq('a', num(1)));
    expect(parse(`${'NOT '.repeat(QUERY_LIMITS.maxDepth)}TRUE`)).toMatchObject({ kind: 'not' });
    expect((parseCql2(Array.from({ length: QUERY_LIMITS.maxClauses }, () => 'a = 1').join(' OR ')) as { operands: unknown[] }).operands).toHaveLength(1024);
    const values = (n: number): string => `a IN (${Array.from({ length: n }, (_, i) => i).join(',')})`;
    expect((parseCql2(values(1024)) as { list: unknown[] }).list).toHaveLength(1024);
    expect(explain(values(1025))).toMatch(/^an IN list has more than 1024 values at position /);
  });
});

describe('parseCql2: edges found by mutation testing', () => {
  test('what is left after a filter is named', () => {
    expect(explain('a = 1 =')).toMatch(/^unexpected "=" at position 6\n/);
    expect(explain('TRUE NOT x')).toMatch(/^unexpected NOT at position 5\n/);
    expect(explain("a b LIKE 'x'")).toMatch(/^expected a comparison .* after a, found b at position 2\n/);
    expect(explain('S_INTERSECTS(g, POINT')).toMatch(/^expected "\)" to close S_INTERSECTS, found the end of the filter at position 21\n/);
  });

  test('long texts are cut in messages: 60 characters of the left side, 40 of a DATE', () => {
    expect(explain(`${'a'.repeat(70)} 1`)).toMatch(new RegExp(`after ${'a'.repeat(60)}, found 1 at`));
    expect(explain(`d = DATE('${'9'.repeat(50)}')`)).toMatch(new RegExp(`^DATE\\('${'9'.repeat(40)}'\\) is not a date`));
    expect(explain(`d = TIMESTAMP('${'9'.repeat(50)}')`)).toMatch(new RegExp(`^TIMESTAMP\\('${'9'.repeat(40)}'\\) is not an RFC 3339`));
  });

  test('each number and parenthesis of a geometry is named in its refusal', () => {
    expect(explain('S_INTERSECTS(g, BBOX(a,2,3,4))')).toMatch(/^expected a number in BBOX, found a at position 21\n/);
    expect(explain('S_INTERSECTS(g, BBOX(1,a,3,4))')).toMatch(/^expected a number in BBOX, found a at position 23\n/);
    expect(explain('S_INTERSECTS(g, BBOX(1,2,3,4 x')).toMatch(/^expected "\)" to close BBOX, found x at position 29\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((a 0')).toMatch(/^expected a number in POLYGON, found a at position 25\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((0 0, a 0')).toMatch(/^expected a number in POLYGON, found a at position 30\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1, 0 0) x')).toMatch(/^expected "\)" to close POLYGON, found x at position 45\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((0 0, 1 0, 1 1, 0 0 x')).toMatch(/^expected "\)" to close a ring of POLYGON, found x at position 44\n/);
    expect(explain('S_INTERSECTS(g, POLYGON((0 0, 1 1, 0 0)))')).toMatch(/^a POLYGON ring has at least 4 positions/);
  });

  test('a backslash escapes in a string, not in a "quoted" name; a trailing one leaves the string open', () => {
    expect(parse('"a\\" = 1')).toEqual(eq('a\\', num(1)));
    expect(explain("a = 'x\\")).toMatch(/^unterminated string: a closing ' is missing at position 4\n/);
  });

  test('depth counts nesting, not groups side by side', () => {
    const groups = Array.from({ length: 40 }, (_, i) => `(a = ${i})`).join(' OR ');
    expect((parseCql2(groups) as { operands: unknown[] }).operands).toHaveLength(40);
  });
});
