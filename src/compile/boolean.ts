import type { EsQuery } from './esQuery';

/** `and` → bool.filter, `or` → bool.should (one must match), `not` → bool.must_not. */
export const andClause = (clauses: EsQuery[]): EsQuery => ({ bool: { filter: clauses } });
export const orClause = (clauses: EsQuery[]): EsQuery => ({ bool: { should: clauses, minimum_should_match: 1 } });
export const notClause = (clause: EsQuery): EsQuery => ({ bool: { must_not: [clause] } });
export const matchAll = (): EsQuery => ({ match_all: {} });
export const matchNone = (): EsQuery => ({ match_none: {} });
