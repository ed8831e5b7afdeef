import { parseLucene } from '../../../src/query/parseLucene';
import { printQuery } from '../../../src/query/print';
import { QueryError } from '../../../src/query/queryError';

/** The Lucene text → the ODS query text it means (through the shared printer), or "*" for everything. */
const asOds = (q: string): string => {
  const node = parseLucene(q);
  return node === undefined ? '*' : printQuery(node);
};
const failure = (q: string): { message: string; position: number } => {
  try { parseLucene(q); } catch (err) { if (err instanceof QueryError) return { message: err.message, position: err.position }; throw err; }
  throw new Error(`parsed: ${q}`);
};

describe('parseLucene (CKAN q and fq)', () => {
  test('words, phrases, fields and the AND between clauses', () => {
    expect(asOds('eau potable')).toBe(asOds('eau AND potable'));
    expect(asOds('title:eau')).toBe('title:eau');
    expect(asOds('tags:"économie sociale"')).toBe('tags:"économie sociale"');
    expect(asOds('a && b || c')).toBe(asOds('a AND b OR c'));
  });

  test('field groups, + and - prefixes, NOT and !', () => {
    expect(asOds('organization:(a OR b)')).toBe(asOds('organization:a OR organization:b'));
    expect(asOds('-organization:x +tags:y')).toBe(asOds('NOT organization:x AND tags:y'));
    expect(asOds('!a')).toBe(asOds('NOT a'));
    expect(asOds('groups:(a AND NOT b)')).toBe(asOds('groups:a AND NOT groups:b'));
  });

  test('wildcards, *:* and field:* (has a value); boosts and fuzziness ignored', () => {
    expect([asOds('*:*'), asOds(''), asOds('""'), asOds('*:* AND title:x')]).toEqual(['*', '*', '*', 'title:x']);
    expect(asOds('features:(*geo*)')).toBe('features:geo');
    expect(asOds('name:velo*')).toBe('name:velo');
    expect(asOds('notes:*')).toBe('NOT #null(notes)');
    expect(asOds('title:velo^2 paris~1')).toBe(asOds('title:velo paris'));
  });

  test('ranges: inclusive, exclusive, open ends, bounds with colons', () => {
    expect(asOds('records_count:[10 TO 20]')).toBe('records_count:[10 TO 20]');
    expect(asOds('records_count:{10 TO 20}')).toBe(asOds('records_count>10 AND records_count<20'));
    expect(asOds('records_count:[10 TO *]')).toBe(asOds('records_count>=10'));
    expect(asOds('metadata_modified:[* TO 2020-01-01T00:00:00Z]')).toBe('metadata_modified<=2020-01-01T00:00:00Z');
  });

  test('what it refuses, with the position', () => {
    expect(failure('title:(velo')).toEqual({ message: 'expected ")"', position: 11 });
    expect(failure('a)')).toEqual({ message: 'unbalanced ")"', position: 1 });
    expect(failure('[a TO b]').message).toMatch(/needs a field/);
    expect(failure('x:[a TO b').message).toMatch(/close the range/);
    expect(failure('"open').message).toBe('unterminated phrase');
    expect(failure('-*:*').message).toMatch(/matches nothing/);
    expect(failure('('.repeat(40) + 'a' + ')'.repeat(40)).message).toMatch(/deeper than 32/);
    expect(failure(Array(1100).fill('a').join(' ')).message).toMatch(/more than 1024 clauses/);
    expect(failure('x'.repeat(10_001)).message).toMatch(/longer than 10000/);
  });
});

describe('parseLucene: where each clause came from, and the edges', () => {
  const node = (q: string) => parseLucene(q) as Exclude<ReturnType<typeof parseLucene>, undefined>;

  test('spans are [start, end) offsets into the text', () => {
    // "  eau": the word starts after the two spaces.
    expect(node('  eau')).toEqual({ kind: 'text', literal: { kind: 'word', text: 'eau', span: { start: 2, end: 5 } }, span: { start: 2, end: 5 } });
    // "title:eau": the clause covers the field and the value, the field name its five letters.
    expect(node('title:eau')).toMatchObject({ kind: 'field', span: { start: 0, end: 9 }, fieldSpan: { start: 0, end: 5 }, value: { text: 'eau', span: { start: 6, end: 9 } } });
    expect(node('-a')).toEqual({ kind: 'not', operand: expect.objectContaining({ span: { start: 1, end: 2 } }), span: { start: 0, end: 2 } });
    expect(node('a  OR  bc')).toMatchObject({ kind: 'or', span: { start: 0, end: 9 }, right: { span: { start: 7, end: 9 } } });
    expect(node('x:[1 TO 5]')).toMatchObject({ kind: 'range', span: { start: 0, end: 10 }, fieldSpan: { start: 0, end: 1 } });
    expect(node('notes:*')).toMatchObject({ kind: 'not', span: { start: 0, end: 7 }, operand: { kind: 'call', name: 'null', args: [{ kind: 'word', text: 'notes', span: { start: 0, end: 5 } }] } });
  });

  test('mixed and open range ends', () => {
    expect(asOds('x:[1 TO 5}')).toBe(asOds('x>=1 AND x<5'));
    expect(asOds('x:{1 TO 5]')).toBe(asOds('x>1 AND x<=5'));
    expect(asOds('x:{* TO 5}')).toBe('x<5');
    expect(asOds('x:[* TO *]')).toBe('*');
    expect(asOds('x:[ 1  TO  5 ]')).toBe('x:[1 TO 5]');
  });

  test('the all-fields prefix *: and what "everything" does to AND and OR', () => {
    expect(asOds('*:velo')).toBe('velo');
    expect(asOds('*:"a b"')).toBe('"a b"');
    expect(asOds('*:velo*')).toBe('velo');
    expect(asOds("''")).toBe('*');
    expect(asOds('  ""  ')).toBe('*');
    expect(asOds('*:* OR a')).toBe('*');
    expect(asOds('a OR *:*')).toBe('*');
    expect(asOds('a AND *:*')).toBe('a');
    expect(asOds('* a')).toBe('a');
  });

  test('operators are words only when standing alone; escapes make syntax text', () => {
    expect(asOds('ORANGE ANDROID NOTES')).toBe(asOds('ORANGE AND ANDROID AND NOTES'));
    expect(asOds('NOT(a)')).toBe('NOT a');
    expect(asOds('a OR(b)')).toBe('a OR b');
    expect(asOds('a ||b')).toBe('a OR b');
    expect(parseLucene('a\\:b')).toMatchObject({ kind: 'text', literal: { text: 'a:b' } });
    expect(parseLucene('"il dit \\"non\\""')).toMatchObject({ kind: 'text', literal: { kind: 'phrase', text: 'il dit "non"' } });
    expect(asOds('(a b)^2 c~0.5')).toBe(asOds('a AND b AND c'));
  });

  test('refusals name the place', () => {
    expect(failure('x:[a b]')).toEqual({ message: 'expected TO in range', position: 5 });
    expect(failure('a AND ')).toEqual({ message: 'expected a search term', position: 6 });
    expect(failure('a ]')).toEqual({ message: 'unexpected "]"', position: 2 });
    expect(failure('title:(x:y)')).toEqual({ message: 'unexpected ":"', position: 8 });
    expect(failure('*:[1 TO 2]').message).toMatch(/needs a field/);
    expect(failure('x'.repeat(10_001)).position).toBe(10_000);
  });

  test('the limits are inclusive: 32 levels, 1024 clauses, 10000 characters', () => {
    // The whole query is the first level, each group one more.
    expect(asOds('('.repeat(31) + 'a' + ')'.repeat(31))).toBe('a');
    expect(failure('('.repeat(32) + 'a' + ')'.repeat(32)).message).toMatch(/deeper than 32/);
    expect(asOds(Array(1024).fill('a').join(' '))).toBe(Array(1024).fill('a').join(' AND '));
    expect(failure(Array(1025).fill('a').join(' ')).message).toMatch(/more than 1024 clauses/);
    expect(asOds('x'.repeat(10_000))).toBe('x'.repeat(10_000));
  });
});

describe('parseLucene: edges found by mutation testing', () => {
  test('blank and empty-quote queries are everything; quotes next to text are a word', () => {
    expect([asOds('   '), asOds(" '' "), asOds('\t""\n')]).toEqual(['*', '*', '*']);
    expect(asOds("'' x")).toBe("'' AND x");
    expect(asOds("x''")).toBe("x''");
    expect(asOds("''x")).toBe("''x");
  });

  test('a trailing backslash is kept as text; an escaped character is taken as it is', () => {
    expect(parseLucene('a\\')).toMatchObject({ kind: 'text', literal: { text: 'a\\' } });
    expect(parseLucene('a\\(b')).toMatchObject({ kind: 'text', literal: { text: 'a(b' } });
    expect(failure('"a\\')).toEqual({ message: 'unterminated phrase', position: 0 });
    expect(parseLucene('"a\\\\"')).toMatchObject({ kind: 'text', literal: { kind: 'phrase', text: 'a\\' } });
  });

  test('wildcards are dropped from words, not from phrases', () => {
    expect(asOds('"a*b?"')).toBe('"a*b?"');
    expect(asOds('a*b?')).toBe('ab');
  });

  test('only a name shaped like a field takes a colon; an operator at the very end wants its operand', () => {
    expect(failure('a-b:c')).toEqual({ message: 'unexpected ":"', position: 3 });
    expect(failure('a OR')).toEqual({ message: 'expected a search term', position: 4 });
    expect(failure('a ||')).toEqual({ message: 'expected a search term', position: 4 });
    expect(failure('NOT')).toEqual({ message: 'expected a search term', position: 3 });
  });

  test('depth counts nesting, not groups side by side', () => {
    const groups = Array.from({ length: 40 }, (_, i) => `(w${i})`).join(' ');
    expect(asOds(groups)).toBe(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' AND '));
  });
});
