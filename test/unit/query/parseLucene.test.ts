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
