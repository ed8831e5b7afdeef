import { existsClause, missingClause, prefixClause, termClause } from '../../../src/compile/term';

describe('term clauses', () => {
  test('a term holds the whole typed value', () => {
    expect(termClause('v.city', 'Paris')).toStrictEqual({ term: { 'v.city': { value: 'Paris' } } });
    expect(termClause('v.n', 42)).toStrictEqual({ term: { 'v.n': { value: 42 } } });
    expect(termClause('v.n', 0)).toStrictEqual({ term: { 'v.n': { value: 0 } } });
    expect(termClause('v.city', '')).toStrictEqual({ term: { 'v.city': { value: '' } } });
  });

  test('a prefix of the keyword value, case-sensitive (no case_insensitive option)', () => {
    expect(prefixClause('v.city', 'Par')).toStrictEqual({ prefix: { 'v.city': { value: 'Par' } } });
  });

  test('exists, and missing as its negation', () => {
    expect(existsClause('v.city')).toStrictEqual({ exists: { field: 'v.city' } });
    expect(missingClause('v.city')).toStrictEqual({ bool: { must_not: [{ exists: { field: 'v.city' } }] } });
  });
});
