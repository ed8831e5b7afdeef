import type { LikePart } from '../model/predicate';
import type { EsQuery } from './esQuery';

/** The characters an Elasticsearch wildcard pattern gives a meaning to: each is escaped in a text part. */
const WILDCARD_SYNTAX = /[\\*?]/g;

/** A pattern's parts as one Elasticsearch wildcard pattern: texts escaped, `*` and `?` only where the parts say so. */
export function wildcardPattern(parts: readonly LikePart[]): string {
  return parts.map((p) => {
    switch (p.kind) {
      case 'text': return p.text.replace(WILDCARD_SYNTAX, (c) => `\\${c}`);
      case 'anyChars': return '*';
      case 'oneChar': return '?';
    }
  }).join('');
}

/** A keyword value matching a LIKE pattern (CQL2), case-sensitive. */
export const likeClause = (path: string, parts: readonly LikePart[]): EsQuery => ({ wildcard: { [path]: { value: wildcardPattern(parts) } } });
