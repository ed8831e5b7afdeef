import { andClause, matchAll, matchNone, notClause, orClause } from '../../../src/compile/boolean';

const a = { term: { 'v.a': { value: 'x' } } };
const b = { exists: { field: 'v.b' } };

describe('boolean clauses', () => {
  test('and: every clause in bool.filter (no scoring)', () => {
    expect(andClause([a, b])).toStrictEqual({ bool: { filter: [a, b] } });
    expect(andClause([a])).toStrictEqual({ bool: { filter: [a] } });
    expect(andClause([])).toStrictEqual({ bool: { filter: [] } });
  });

  test('or: bool.should with at least one clause matching', () => {
    expect(orClause([a, b])).toStrictEqual({ bool: { should: [a, b], minimum_should_match: 1 } });
    expect(orClause([a])).toStrictEqual({ bool: { should: [a], minimum_should_match: 1 } });
  });

  test('or of no clause matches nothing (a bool with no clause would match every document)', () => {
    expect(orClause([])).toStrictEqual({ match_none: {} });
  });

  test('not: bool.must_not of the one clause', () => {
    expect(notClause(a)).toStrictEqual({ bool: { must_not: [a] } });
  });

  test('everything and nothing', () => {
    expect(matchAll()).toStrictEqual({ match_all: {} });
    expect(matchNone()).toStrictEqual({ match_none: {} });
  });
});
