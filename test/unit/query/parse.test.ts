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

describe('parseQuery: spans, edges and the inclusive limits', () => {
  test('each node spans [start, end) of its text', () => {
    expect(parseQuery('NOT  ab')).toEqual({ kind: 'not', operand: { kind: 'text', literal: { kind: 'word', text: 'ab', span: { start: 5, end: 7 } }, span: { start: 5, end: 7 } }, span: { start: 0, end: 7 } });
    expect(parseQuery('a OR bc')).toMatchObject({ kind: 'or', span: { start: 0, end: 7 } });
    expect(parseQuery(' ( a ) ')).toMatchObject({ kind: 'text', span: { start: 1, end: 6 } });
    expect(parseQuery('"a b"')).toEqual({ kind: 'text', literal: { kind: 'phrase', text: 'a b', span: { start: 0, end: 5 } }, span: { start: 0, end: 5 } });
    expect(parseQuery('d:[1 TO 20]')).toMatchObject({ kind: 'range', span: { start: 0, end: 11 }, fieldSpan: { start: 0, end: 1 }, from: { span: { start: 3, end: 4 } }, to: { span: { start: 8, end: 10 } } });
    expect(parseQuery('#null(ab)')).toEqual({ kind: 'call', name: 'null', args: [{ kind: 'word', text: 'ab', span: { start: 6, end: 8 } }], span: { start: 0, end: 9 } });
    expect(parseQuery('#search(*, x)')).toMatchObject({ args: [{ kind: 'star', span: { start: 8, end: 9 } }, { kind: 'word', text: 'x' }] });
    expect(parseQuery('d >= #now(days = -7)')).toMatchObject({ span: { start: 0, end: 20 }, value: { span: { start: 5, end: 20 }, args: [{ kind: 'named', name: 'days', value: '-7', span: { start: 10, end: 19 } }] } });
  });

  test('keywords stand alone: before a quote or a parenthesis, not inside a word; function names in any case', () => {
    expect(parse('NOT"a"')).toEqual({ kind: 'not', operand: ph('a') });
    expect(parse('a AND(b)')).toEqual({ kind: 'and', left: w('a'), right: w('b') });
    expect(parse('a OR"b"')).toEqual({ kind: 'or', left: w('a'), right: ph('b') });
    expect(parse('a ORb')).toEqual({ kind: 'and', left: w('a'), right: w('ORb') });
    expect(parse('NOTa')).toEqual(w('NOTa'));
    expect(parse('#NULL(x)')).toEqual({ kind: 'call', name: 'null', args: [{ kind: 'word', text: 'x' }] });
    expect(parse('#exact(f, "a")')).toMatchObject({ kind: 'call', name: 'exact' });
    expect(parse('d:[#now() TO #now(days=1)]')).toMatchObject({ kind: 'range', from: { kind: 'call', name: 'now' }, to: { kind: 'call', name: 'now' } });
    expect(parse('d:["a" TO "b"]')).toMatchObject({ kind: 'range', from: { kind: 'phrase', text: 'a' }, to: { kind: 'phrase', text: 'b' } });
    expect(parse('f:a]b')).toEqual({ kind: 'field', field: 'f', op: ':', value: { kind: 'word', text: 'a]b' } });
    expect(parse('f:"x"y')).toEqual({ kind: 'and', left: { kind: 'field', field: 'f', op: ':', value: { kind: 'phrase', text: 'x' } }, right: w('y') });
    expect(parse('1a:b')).toEqual(w('1a:b'));
  });

  test('refusals name the place', () => {
    expect(explain('d:[1 TO ]')).toBe('expected a value after TO at position 8\nd:[1 TO ]\n        ^');
    expect(explain('d:[1 TOx 2]')).toBe('expected "TO" in a range at position 5\nd:[1 TOx 2]\n     ^');
    expect(explain('#now x')).toBe('expected "(" after #now at position 4\n#now x\n    ^');
    expect(explain('#null(a "b")')).toBe('expected "," or ")" in the arguments at position 8\n#null(a "b")\n        ^');
    expect(explain('#null(,)')).toBe('empty argument at position 6\n#null(,)\n      ^');
    expect(explain('" "')).toBe('empty phrase at position 0\n" "\n^');
    expect(explain('f:)')).toBe('expected a value after "f:" at position 2\nf:)\n  ^');
    expect(explain('f: ')).toBe('expected a value after "f:" at position 3\nf: \n   ^');
    expect(explain('a OR )')).toBe('expected an operand after OR at position 5\na OR )\n     ^');
    expect(explain('(a AND )')).toBe('expected an operand after AND at position 7\n(a AND )\n       ^');
    expect(explain('(NOT)')).toBe('expected an operand after NOT at position 4\n(NOT)\n    ^');
    expect(explain('x AND <= 3')).toBe('expected a field name before "<=" at position 6\nx AND <= 3\n      ^');
    expect(parse('<=3')).toEqual(w('<=3'));
  });

  test('an error far into a long query shows the 100 characters around it', () => {
    const q = `${'a '.repeat(75)})${' b'.repeat(30)}`;
    const at = 150;
    const expected = `unbalanced ")" at position ${at}\n${q.slice(at - 60, at + 40)}\n${' '.repeat(60)}^`;
    expect(explain(q)).toBe(expected);
    expect(explain('a\n)')).toBe('unbalanced ")" at position 2\na )\n  ^');
  });

  test('the limits are inclusive: 10000 characters, 32 levels, 1024 clauses', () => {
    expect(parse('a'.repeat(QUERY_LIMITS.maxLength))).toEqual(w('a'.repeat(QUERY_LIMITS.maxLength)));
    expect(shape(parseQuery(`${'('.repeat(32)}a${')'.repeat(32)}`))).toEqual(w('a'));
    expect(() => parseQuery(`${'('.repeat(33)}a${')'.repeat(33)}`)).toThrow('query nested deeper than 32 levels');
    expect(parse(`${'NOT '.repeat(32)}a`)).toMatchObject({ kind: 'not' });
    expect(() => parseQuery(`${'NOT '.repeat(33)}a`)).toThrow('query nested deeper than 32 levels');
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' OR ');
    expect(parseQuery(words(1024))).toMatchObject({ kind: 'or', right: { literal: { text: 'w1023' } } });
    expect(() => parseQuery(words(1025))).toThrow('query has more than 1024 clauses');
  });
});

describe('printQuery: every node kind', () => {
  test.each([
    ['#null(f)', '#null(f)'],
    ['NOT NOT a', 'NOT NOT a'],
    ['NOT (a OR b) c', 'NOT (a OR b) AND c'],
    ['(a b) OR c', 'a AND b OR c'],
    ['a (b OR c)', 'a AND (b OR c)'],
    ['f<"=x"', 'f<"=x"'],
    ['"a\\\\b"', '"a\\\\b"'],
    ['d:["a" TO "b"]', 'd:["a" TO "b"]'],
    ['#search(f, g, "x")', '#search(f, g, "x")'],
    ['d>#now(days=-1)', 'd>#now(days=-1)'],
  ])('%p prints as %p', (q, printed) => {
    expect(printQuery(parseQuery(q))).toBe(printed);
    expect(shape(parseQuery(printed))).toEqual(shape(parseQuery(q)));
  });

  test('a value starting with an operator character is kept apart from the operator', () => {
    const node: QueryNode = { kind: 'field', field: 'f', fieldSpan: { start: 0, end: 1 }, op: '<', value: { kind: 'word', text: '=x', span: { start: 2, end: 4 } }, span: { start: 0, end: 4 } };
    expect(printQuery(node)).toBe('f< =x');
    expect(shape(parseQuery('f< =x'))).toEqual(shape(node));
  });
});

describe('parseQuery: edges found by mutation testing', () => {
  test('words stop at "(" and at a quote; values stop at a quote', () => {
    expect(parse('a(b)')).toEqual({ kind: 'and', left: w('a'), right: w('b') });
    expect(parse('a"b"')).toEqual({ kind: 'and', left: w('a'), right: ph('b') });
    expect(parse('f:a"b"')).toEqual({ kind: 'and', left: { kind: 'field', field: 'f', op: ':', value: { kind: 'word', text: 'a' } }, right: ph('b') });
    expect(parse('é=')).toEqual(w('é='));
  });

  test('a range only after : or =; its bounds stop at "]"', () => {
    expect(parse('f=[1 TO 2]')).toMatchObject({ kind: 'range', field: 'f' });
    expect(parse('f>[1')).toEqual({ kind: 'field', field: 'f', op: '>', value: { kind: 'word', text: '[1' } });
    expect(explain('d:[1]')).toBe('expected "TO" in a range at position 4\nd:[1]\n    ^');
    expect(explain('d:[1 XY 2]')).toBe('expected "TO" in a range at position 5\nd:[1 XY 2]\n     ^');
    expect(explain('d:[ ]')).toBe('expected a value at position 4\nd:[ ]\n    ^');
  });

  test('a lone ")" is unbalanced; a trailing backslash in a phrase escapes nothing', () => {
    expect(explain(')')).toBe('unbalanced ")" at position 0\n)\n^');
    expect(explain('"a\\')).toBe('unbalanced quote at position 0\n"a\\\n^');
    expect(parse('"a\\\\"')).toEqual(ph('a\\'));
  });

  test('function arguments: trimmed, parentheses nest, a named argument is one line', () => {
    expect(parse('#null( a )')).toEqual({ kind: 'call', name: 'null', args: [{ kind: 'word', text: 'a' }] });
    expect(parse('#null(f(a,b))')).toEqual({ kind: 'call', name: 'null', args: [{ kind: 'word', text: 'f(a,b)' }] });
    expect(parse('#null(1x=2)')).toEqual({ kind: 'call', name: 'null', args: [{ kind: 'word', text: '1x=2' }] });
    expect(parse('#null(a=1\n2)')).toEqual({ kind: 'call', name: 'null', args: [{ kind: 'word', text: 'a=1\n2' }] });
    expect(parse('#now(days =  -1 )')).toEqual({ kind: 'call', name: 'now', args: [{ kind: 'named', name: 'days', value: '-1' }] });
  });

  test('depth counts nesting, not groups side by side', () => {
    const groups = Array.from({ length: 40 }, (_, i) => `(w${i})`).join(' OR ');
    expect(printQuery(parseQuery(groups))).toBe(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' OR '));
  });

  test('a QueryError says what it is', () => {
    expect(() => parseQuery('(')).toThrow(expect.objectContaining({ name: 'QueryError', position: 1, query: '(' }));
  });
});
