import type { QueryNode } from '../../../src/query/ast';
import { parseQuery, QUERY_LIMITS } from '../../../src/query/parse';
import { printQuery } from '../../../src/query/print';
import { QueryError } from '../../../src/query/queryError';

/** The AST without spans, for readable expectations. */
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'span' && k !== 'fieldSpan').map(([k, v]) => [k, shape(v)]));
  }
  return node;
}
const parse = (q: string): unknown => shape(parseQuery(q));
const w = (text: string) => ({ kind: 'text', literal: { kind: 'word', text } });
const ph = (text: string) => ({ kind: 'text', literal: { kind: 'phrase', text } });

function explain(q: string): string {
  try { parseQuery(q); } catch (err) { if (err instanceof QueryError) return err.explain(); throw err; }
  throw new Error(`parsed: ${q}`);
}

describe('parseQuery', () => {
  test('words, phrases and implicit AND', () => {
    expect(parse('film')).toEqual(w('film'));
    expect(parse('"woody allen" paris')).toEqual({ kind: 'and', left: ph('woody allen'), right: w('paris') });
  });

  test('precedence NOT > AND > OR, and parentheses', () => {
    expect(parse('a OR b c')).toEqual({ kind: 'or', left: w('a'), right: { kind: 'and', left: w('b'), right: w('c') } });
    expect(parse('NOT a AND b')).toEqual({ kind: 'and', left: { kind: 'not', operand: w('a') }, right: w('b') });
    expect(parse('(a OR b) AND NOT (c)')).toEqual({
      kind: 'and', left: { kind: 'or', left: w('a'), right: w('b') }, right: { kind: 'not', operand: w('c') },
    });
    expect(parse('a OR b OR c')).toEqual({ kind: 'or', left: { kind: 'or', left: w('a'), right: w('b') }, right: w('c') });
  });

  test('field queries with every operator, spaces allowed around it', () => {
    const f = (op: string, text: string, kind = 'word') => ({ kind: 'field', field: 'annee', op, value: { kind, text } });
    expect(parse('annee:2019')).toEqual(f(':', '2019'));
    expect(parse('annee = 2019')).toEqual(f('=', '2019'));
    expect(parse('annee=="Série TV"')).toEqual(f('==', 'Série TV', 'phrase'));
    expect(parse('annee>=2013/02')).toEqual(f('>=', '2013/02'));
    expect(parse('annee < 1965')).toEqual(f('<', '1965'));
    expect(parse('annee:[1950 TO 2000]')).toEqual({ kind: 'range', field: 'annee', from: { kind: 'word', text: '1950' }, to: { kind: 'word', text: '2000' } });
    expect(parse('explore.geographic_reference_path:"fr"')).toMatchObject({ field: 'explore.geographic_reference_path' });
  });

  test('functions and their arguments', () => {
    expect(parse('date_debut >= #now(years=-1, weekday=MO(2))')).toEqual({
      kind: 'field', field: 'date_debut', op: '>=',
      value: { kind: 'call', name: 'now', args: [{ kind: 'named', name: 'years', value: '-1' }, { kind: 'named', name: 'weekday', value: 'MO(2)' }] },
    });
    expect(parse('d > #now()')).toEqual({ kind: 'field', field: 'd', op: '>', value: { kind: 'call', name: 'now', args: [] } });
    expect(parse('C# #1')).toEqual({ kind: 'and', left: w('C#'), right: w('#1') });
    expect(parse('#search(*, "Jean-C")')).toEqual({ kind: 'call', name: 'search', args: [{ kind: 'star' }, { kind: 'phrase', text: 'Jean-C' }] });
    expect(parse('NOT #null(date_fin)')).toEqual({ kind: 'not', operand: { kind: 'call', name: 'null', args: [{ kind: 'word', text: 'date_fin' }] } });
    expect(parse('#distance(geo_point_2d, "48.85,2.35", 500)')).toMatchObject({ name: 'distance', args: [{}, { kind: 'phrase', text: '48.85,2.35' }, { text: '500' }] });
  });

  test('reserved characters inside words are text', () => {
    expect(parse('C++')).toEqual(w('C++'));
    expect(parse('AT&T')).toEqual(w('AT&T'));
    expect(parse('3/4')).toEqual(w('3/4'));
    expect(parse('e-mail')).toEqual(w('e-mail'));
    expect(parse('(36/2005)')).toEqual(w('36/2005'));
    expect(parse('12:30')).toEqual(w('12:30'));
    expect(parse('ANDROID ORANGE NOTE')).toEqual({ kind: 'and', left: { kind: 'and', left: w('ANDROID'), right: w('ORANGE') }, right: w('NOTE') });
    expect(parse('"il a dit \\"non\\""')).toEqual(ph('il a dit "non"'));
  });

  test('spans point into the query', () => {
    const node = parseQuery('x AND titre:"a b"') as Extract<QueryNode, { kind: 'and' | 'or' }>;
    expect(node.span).toEqual({ start: 0, end: 17 });
    expect(node.right.span).toEqual({ start: 6, end: 17 });
    expect((node.right as Extract<QueryNode, { kind: 'field' }>).fieldSpan).toEqual({ start: 6, end: 11 });
  });
});

describe('syntax errors show where', () => {
  test.each([
    ['(foo', 'missing ")" at position 4\n(foo\n    ^'],
    ['foo)', 'unbalanced ")" at position 3\nfoo)\n   ^'],
    ['a AND', 'expected an operand after AND at position 5\na AND\n     ^'],
    ['NOT', 'expected an operand after NOT at position 3\nNOT\n   ^'],
    ['a OR ', 'expected an operand after OR at position 5\na OR \n     ^'],
    ['titre:', 'expected a value after "titre:" at position 6\ntitre:\n      ^'],
    [':', 'expected a field name before ":" at position 0\n:\n^'],
    ['"open', 'unbalanced quote at position 0\n"open\n^'],
    ['()', 'empty parentheses at position 1\n()\n ^'],
    ['d:[2000 2010]', 'expected "TO" in a range at position 8\nd:[2000 2010]\n        ^'],
    ['d:[2000 TO 2010', 'missing "]" at the end of the range at position 15\nd:[2000 TO 2010\n               ^'],
    ['#nope(x)', 'unknown function #nope (known: #now, #null, #exact, #startswith, #search, #distance, #polygon) at position 0\n#nope(x)\n^'],
    ['#null(a', 'missing ")" after the arguments of #null at position 7\n#null(a\n       ^'],
    ['', 'empty query at position 0\n\n^'],
    ['annee_tournage>= and (', 'the query ends where a word or a value was expected at position 22\nannee_tournage>= and (\n                      ^'],
  ])('%p', (q, expected) => {
    expect(explain(q)).toBe(expected);
  });
});

describe('limits', () => {
  test('length, depth and clause count are refused before they cost anything', () => {
    expect(() => parseQuery('a'.repeat(QUERY_LIMITS.maxLength + 1))).toThrow('query longer than 10000 characters');
    expect(() => parseQuery(`${'('.repeat(4000)}a${')'.repeat(4000)}`)).toThrow('query nested deeper than 32 levels');
    expect(() => parseQuery('NOT '.repeat(2000) + 'a')).toThrow('query nested deeper than 32 levels');
    expect(() => parseQuery(Array.from({ length: 1100 }, (_, i) => `w${i}`).join(' OR '))).toThrow('query has more than 1024 clauses');
    expect(shape(parseQuery(`${'('.repeat(30)}a${')'.repeat(30)}`))).toEqual(w('a'));
  });
});

describe('printQuery', () => {
  test.each([
    ['film', 'film'],
    ['a b OR c', 'a AND b OR c'],
    ['(a OR b) c', '(a OR b) AND c'],
    ['a OR (b OR c)', 'a OR (b OR c)'],
    ['NOT (a b)', 'NOT (a AND b)'],
    ['annee >= 2019  type_tournage:"Série TV"', 'annee>=2019 AND type_tournage:"Série TV"'],
    ['d : [ 2000 TO #now(years=-1) ]', 'd:[2000 TO #now(years=-1)]'],
    ['#search( * ,"x\\"y")', '#search(*, "x\\"y")'],
    ['C++ AT&T 12:30', 'C++ AND AT&T AND 12:30'],
  ])('%p prints as %p, which parses to the same tree', (q, printed) => {
    const ast = parseQuery(q);
    expect(printQuery(ast)).toBe(printed);
    expect(shape(parseQuery(printed))).toEqual(shape(ast));
    expect(printQuery(parseQuery(printed))).toBe(printed);
  });
});
