import type { EsQuery } from './esQuery';

/** Equality with a whole typed value: a keyword (case-sensitive), a number, a date. */
export const termClause = (path: string, value: string | number): EsQuery => ({ term: { [path]: { value } } });

/** A keyword value starting with a text, case-sensitive (#startswith). */
export const prefixClause = (path: string, value: string): EsQuery => ({ prefix: { [path]: { value } } });

/** No value (#null). */
export const existsClause = (path: string): EsQuery => ({ exists: { field: path } });
export const missingClause = (path: string): EsQuery => ({ bool: { must_not: [existsClause(path)] } });
