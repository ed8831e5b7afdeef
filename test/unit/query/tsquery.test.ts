import { parseTsQuery, TsQueryNode } from '../../../src/query/tsquery';
import { QueryError } from '../../../src/query/queryError';

/** A parsed query written back in a fully parenthesised form, independent of the parser's spans. */
function show(node: TsQueryNode | undefined): string {
  if (node === undefined) return '∅';
  switch (node.kind) {
    case 'and': return `(${node.clauses.map(show).join(' & ')})`;
    case 'or': return `(${node.clauses.map(show).join(' | ')})`;
    case 'not': return `!${show(node.operand)}`;
    case 'lexeme': return `[${node.text}]${node.prefix ? '*' : ''}`;
    case 'followedBy': return `<${node.words.join(' ')}>`;
  }
}
const failure = (q: string): { message: string; position: number } => {
  try { parseTsQuery(q); } catch (err) { if (err instanceof QueryError) return { message: err.message, position: err.position }; throw err; }
  throw new Error(`parsed: ${q}`);
};

// PostgreSQL's to_tsquery syntax (its documentation, "Parsing Queries"): ! binds tightest, then <->, then &, then |.
describe('parseTsQuery (datastore_search plain=false)', () => {
  test('operators and their precedence', () => {
    expect(show(parseTsQuery('bureau | legendes'))).toBe('([bureau] | [legendes])');
    expect(show(parseTsQuery('a & b | c & d'))).toBe('(([a] & [b]) | ([c] & [d]))');
    expect(show(parseTsQuery('a | b & c'))).toBe('([a] | ([b] & [c]))');
    expect(show(parseTsQuery('!a & b'))).toBe('(![a] & [b])');
    expect(show(parseTsQuery('!!a'))).toBe('!![a]');
    expect(show(parseTsQuery('a & (b | !c)'))).toBe('([a] & ([b] | ![c]))');
    expect(show(parseTsQuery('a<->b & c'))).toBe('(<a b> & [c])');
    expect(show(parseTsQuery('a <1> b <-> c'))).toBe('<a b c>');
  });

  test('prefixes, quoted texts, escapes, spacing; nothing to search', () => {
    expect(show(parseTsQuery('bureau:*'))).toBe('[bureau]*');
    expect(show(parseTsQuery("'bureau des legendes'"))).toBe('<bureau des legendes>');
    expect(show(parseTsQuery("'bureau':* & 'l''eau'"))).toBe("([bureau]* & [l'eau])");
    expect(show(parseTsQuery('c\\&a | x'))).toBe('([c&a] | [x])');
    expect(show(parseTsQuery('  (a)&(b)  '))).toBe('([a] & [b])');
    expect([parseTsQuery(''), parseTsQuery('   ')]).toEqual([undefined, undefined]);
  });

  test('errors carry the position of the problem', () => {
    expect(failure('bureau legendes')).toEqual({ message: expect.stringMatching(/operator/), position: 7 });
    expect(failure('bureau:A')).toEqual({ message: expect.stringMatching(/weights/), position: 6 });
    expect(failure('bureau:')).toEqual({ message: expect.stringMatching(/\*/), position: 6 });
    expect(failure('(a | b')).toEqual({ message: 'expected ")"', position: 6 });
    expect(failure('a | b)')).toEqual({ message: 'unbalanced ")"', position: 5 });
    expect(failure('a & ')).toEqual({ message: 'expected a word', position: 4 });
    expect(failure('a <2> b')).toEqual({ message: expect.stringMatching(/only <->/), position: 2 });
    expect(failure('a:* <-> b')).toEqual({ message: expect.stringMatching(/whole words/), position: 0 });
    expect(failure("'abc")).toEqual({ message: 'unterminated quoted text', position: 0 });
    expect(failure('a & |')).toEqual({ message: 'unexpected "|"', position: 4 });
  });

  test('bounded: depth, clauses, length', () => {
    expect(failure(`${'('.repeat(40)}a${')'.repeat(40)}`).message).toMatch(/nested deeper/);
    expect(failure(Array(1100).fill('a').join('|')).message).toMatch(/clauses/);
    expect(failure('!'.repeat(5000) + 'a').message).toMatch(/clauses/);
    expect(failure('a'.repeat(20000)).message).toMatch(/longer/);
  });
});

describe('parseTsQuery: spans and edges', () => {
  test('spans are [start, end) offsets into the text', () => {
    expect(parseTsQuery(' ab')).toEqual({ kind: 'lexeme', text: 'ab', prefix: false, span: { start: 1, end: 3 } });
    expect(parseTsQuery('ab:*')).toEqual({ kind: 'lexeme', text: 'ab', prefix: true, span: { start: 0, end: 4 } });
    expect(parseTsQuery('!ab')).toMatchObject({ kind: 'not', span: { start: 0, end: 3 }, operand: { span: { start: 1, end: 3 } } });
    expect(parseTsQuery('a | bc')).toMatchObject({ kind: 'or', span: { start: 0, end: 6 } });
    expect(parseTsQuery('a & bc')).toMatchObject({ kind: 'and', span: { start: 0, end: 6 } });
    expect(parseTsQuery('(a | b) ')).toMatchObject({ kind: 'or', span: { start: 0, end: 7 } });
    expect(parseTsQuery('a <-> bc')).toEqual({ kind: 'followedBy', words: ['a', 'bc'], span: { start: 0, end: 8 } });
    expect(parseTsQuery("'a b'")).toEqual({ kind: 'followedBy', words: ['a', 'b'], span: { start: 0, end: 5 } });
  });

  test('quoted texts: a prefix keeps them whole, escapes and doubled quotes, one word is a lexeme', () => {
    expect(parseTsQuery("'a b':*")).toEqual({ kind: 'lexeme', text: 'a b', prefix: true, span: { start: 0, end: 7 } });
    expect(show(parseTsQuery("'it\\'s'"))).toBe("[it's]");
    expect(show(parseTsQuery("'  a  '"))).toBe('[  a  ]');
    expect(show(parseTsQuery("'a' <-> 'b c'"))).toBe('<a b c>');
    expect(show(parseTsQuery('a\\ b'))).toBe('[a b]');
    expect(show(parseTsQuery('a:**'))).toBe('[a]*');
  });

  test('refusals', () => {
    expect(failure("''")).toEqual({ message: 'empty quoted text', position: 0 });
    expect(failure("a & '  '")).toEqual({ message: 'empty quoted text', position: 4 });
    expect(failure('a < b')).toEqual({ message: 'expected "<->"', position: 2 });
    expect(failure('a <-> !b')).toEqual({ message: expect.stringMatching(/whole words/), position: 6 });
    expect(failure('a <-> (b | c)')).toEqual({ message: expect.stringMatching(/whole words/), position: 6 });
    expect(failure('a:*A')).toEqual({ message: expect.stringMatching(/weights \(:\*A\)/), position: 1 });
    expect(failure('a )')).toEqual({ message: 'unbalanced ")"', position: 2 });
    expect(failure('a (b)')).toEqual({ message: 'unexpected "("', position: 2 });
    expect(failure('&')).toEqual({ message: 'unexpected "&"', position: 0 });
    expect(failure('a'.repeat(10_001)).position).toBe(10_000);
  });

  test('the limits are inclusive: 32 levels, 1024 clauses, 10000 characters', () => {
    // The whole query is the first level, each group one more.
    expect(show(parseTsQuery(`${'('.repeat(31)}a${')'.repeat(31)}`))).toBe('[a]');
    expect(failure(`${'('.repeat(32)}a${')'.repeat(32)}`).message).toMatch(/nested deeper than 32/);
    expect((parseTsQuery(Array(1024).fill('a').join('|')) as { clauses: unknown[] }).clauses).toHaveLength(1024);
    expect(failure(Array(1025).fill('a').join('|')).message).toMatch(/more than 1024 clauses/);
    expect(show(parseTsQuery('b'.repeat(10_000)))).toBe(`[${'b'.repeat(10_000)}]`);
  });
});

describe('parseTsQuery: edges found by mutation testing', () => {
  test('a trailing backslash is kept as text, in a word or a quoted text', () => {
    expect(show(parseTsQuery('a\\'))).toBe('[a\\]');
    expect(failure("'a\\")).toEqual({ message: 'unterminated quoted text', position: 0 });
    expect(show(parseTsQuery("'a\\\\'"))).toBe('[a\\]');
  });

  test('the distance is read right after "<": <x …> is refused even when a <-> follows; <12> is a distance', () => {
    expect(failure('a <x <-> b')).toEqual({ message: 'expected "<->"', position: 2 });
    expect(failure('a <12> b')).toEqual({ message: expect.stringMatching(/^distance <12> is not supported/), position: 2 });
  });

  test('depth counts nesting, not groups side by side', () => {
    const groups = Array.from({ length: 40 }, (_, i) => `(w${i})`).join(' & ');
    expect((parseTsQuery(groups) as { clauses: unknown[] }).clauses).toHaveLength(40);
  });
});
