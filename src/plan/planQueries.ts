import { AppError } from '../errors/catalogue';
import { QueryError } from '../query/queryError';
import type { PlanOptions } from './planContext';
import { planQuery } from './planQuery';
import type { Predicate } from '../model/predicate';
import type { RequestQuery } from '../model/recordsRequest';

/**
 * Runs `read` on the text of `parameter`: a query the language or the schema refuses becomes a
 * `bad_query` 400 naming the parameter, with the position and the caret line.
 */
export function readingQuery<T>(parameter: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    throw new AppError('bad_query', `Invalid query in ${parameter}: ${err.explain()}`, { parameter, position: err.position });
  }
}

/**
 * Every `q` of a request, ANDed (SPEC §3). A query the language or the schema refuses becomes a
 * `bad_query` 400 naming the parameter, with the position and the caret line.
 */
export function planQueries(queries: readonly RequestQuery[], options: PlanOptions): Predicate {
  const clauses: Predicate[] = [];
  for (const { parameter, text } of queries) {
    if (text.trim() === '') continue;
    const p = readingQuery(parameter, () => planQuery(text, options));
    if (p.kind !== 'all') clauses.push(p);
  }
  if (clauses.length === 0) return { kind: 'all' };
  return clauses.length === 1 ? clauses[0] : { kind: 'and', clauses };
}
