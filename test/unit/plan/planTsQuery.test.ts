import type { Predicate } from '../../../src/model/predicate';
import type { PlanOptions } from '../../../src/plan/planContext';
import { planTsQuery } from '../../../src/plan/planTsQuery';
import { QueryError } from '../../../src/query/queryError';

// planTsQuery reads no field: the paths it searches are given. An empty schema is enough.
const options: PlanOptions = { schema: { fields: new Map(), allText: 'all_text' }, timeZone: 'UTC', now: 0 };
const PATHS = ['t.title', 't.notes'];
const plan = (q: string): Predicate => planTsQuery(q, PATHS, options);

/** Whole words, in order (a lexeme without :*, `a <-> b`, a quoted text). */
const whole = (text: string): Predicate => ({ kind: 'words', paths: PATHS, text, match: 'phrase' });
/** Words starting with the text (`word:*`). */
const prefix = (text: string): Predicate => ({ kind: 'words', paths: PATHS, text, match: 'prefix' });

function failure(q: string): { message: string; position: number; query: string } {
  try { plan(q); } catch (err) { if (err instanceof QueryError) return { message: err.message, position: err.position, query: err.query }; throw err; }
  throw new Error(`planned: ${q}`);
}

describe('planTsQuery: lexemes', () => {
  test('an empty query searches nothing: everything matches', () => {
    expect(plan('')).toEqual({ kind: 'all' });
    expect(plan('   ')).toEqual({ kind: 'all' });
  });

  test('a lexeme is that whole word, accents and case ignored, in every path given', () => {
    expect(plan('cat')).toEqual(whole('cat'));
    expect(plan('Élève')).toEqual(whole('eleve'));
    expect(planTsQuery('cat', ['all_text'], options)).toEqual({ kind: 'words', paths: ['all_text'], text: 'cat', match: 'phrase' });
  });

  test('word:* is the words starting with it', () => {
    expect(plan('cat:*')).toEqual(prefix('cat'));
    expect(plan('Éc:*')).toEqual(prefix('ec'));
    expect(plan("'cat':*")).toEqual(prefix('cat'));
  });

  test("a <-> b and 'a b' are the words in order", () => {
    expect(plan('big <-> Cat')).toEqual(whole('big cat'));
    expect(plan("'Big   cat'")).toEqual(whole('big cat'));
    expect(plan("a <-> 'b c'")).toEqual(whole('a b c'));
  });
});

describe('planTsQuery: operators', () => {
  test('& is and, | is or, ! is not', () => {
    expect(plan('a & b')).toEqual({ kind: 'and', clauses: [whole('a'), whole('b')] });
    expect(plan('a | b:*')).toEqual({ kind: 'or', clauses: [whole('a'), prefix('b')] });
    expect(plan('!a')).toEqual({ kind: 'not', clause: whole('a') });
    expect(plan('!!a')).toEqual({ kind: 'not', clause: { kind: 'not', clause: whole('a') } });
  });

  test('nested groups of the same operator are flattened, of another kept', () => {
    expect(plan('a & (b & c)')).toEqual({ kind: 'and', clauses: [whole('a'), whole('b'), whole('c')] });
    expect(plan('(a | b) | c')).toEqual({ kind: 'or', clauses: [whole('a'), whole('b'), whole('c')] });
    expect(plan('a | b & c')).toEqual({ kind: 'or', clauses: [whole('a'), { kind: 'and', clauses: [whole('b'), whole('c')] }] });
    expect(plan('(a | b) & !c')).toEqual({ kind: 'and', clauses: [{ kind: 'or', clauses: [whole('a'), whole('b')] }, { kind: 'not', clause: whole('c') }] });
  });

  test('a part with nothing to search drops out', () => {
    // `-` is a word for the parser but has no letter or digit for the index.
    expect(plan('-')).toEqual({ kind: 'all' });
    expect(plan('a & -')).toEqual(whole('a'));
    expect(plan('- | b')).toEqual(whole('b'));
    expect(plan('- | -')).toEqual({ kind: 'all' });
    expect(plan('!-')).toEqual({ kind: 'all' });
    expect(plan('a & !-')).toEqual(whole('a'));
    expect(plan('a & (- | -) & b')).toEqual({ kind: 'and', clauses: [whole('a'), whole('b')] });
  });
});

describe('planTsQuery: limits and errors', () => {
  // `w:* | ` is 6 characters: the n-th prefix starts at 6 × (n - 1).
  const prefixes = (count: number): string => Array.from({ length: count }, () => 'w:*').join(' | ');

  test('256 prefix searches are planned', () => {
    expect(plan(prefixes(256))).toEqual({ kind: 'or', clauses: Array.from({ length: 256 }, () => prefix('w')) });
  });

  test('the 257th is refused where it starts, in the query as sent', () => {
    const q = prefixes(257);
    expect(failure(q)).toEqual({ message: 'query has more than 256 prefix searches; quote words to search them whole', position: 1536, query: q });
  });

  test('whole words are not prefix searches: 300 of them are planned', () => {
    expect(plan(Array.from({ length: 300 }, () => 'w').join(' | '))).toEqual({ kind: 'or', clauses: Array.from({ length: 300 }, () => whole('w')) });
  });

  test('a syntax error of the parser comes through with its position', () => {
    expect(failure('a b')).toEqual({ message: 'expected an operator (&, |, <->) between two words', position: 2, query: 'a b' });
  });
});
