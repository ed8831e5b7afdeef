import type { EsQuery } from './esQuery';

export const matchAll = (): EsQuery => ({ match_all: {} });
export const matchNone = (): EsQuery => ({ match_none: {} });

/**
 * `and` → bool.filter, `or` → bool.should (one must match), `not` → bool.must_not. An `or` of
 * nothing matches nothing: Elasticsearch reads a bool with no clause at all as match_all, whatever
 * its minimum_should_match.
 */
export const andClause = (clauses: EsQuery[]): EsQuery => ({ bool: { filter: clauses } });
export const orClause = (clauses: EsQuery[]): EsQuery =>
  clauses.length === 0 ? matchNone() : { bool: { should: clauses, minimum_should_match: 1 } };
export const notClause = (clause: EsQuery): EsQuery => ({ bool: { must_not: [clause] } });
