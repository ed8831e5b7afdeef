import type { Cql2Scalar } from '../../query/cql2/cql2Ast';
import type { LikePart, Predicate } from '../../model/predicate';
import type { QueryField } from '../../model/querySchema';
import type { Cql2Context } from './cql2Context';

/** A LIKE pattern's parts: `%` any characters, `_` one, `\` makes the next character literal; runs of text joined. */
export function likeParts(pattern: string): LikePart[] {
  const parts: LikePart[] = [];
  const text = (c: string): void => {
    const last = parts[parts.length - 1];
    if (last?.kind === 'text') last.text += c;
    else parts.push({ kind: 'text', text: c });
  };
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) text(pattern[++i]);
    else if (c === '%') { if (parts[parts.length - 1]?.kind !== 'anyChars') parts.push({ kind: 'anyChars' }); } else if (c === '_') parts.push({ kind: 'oneChar' });
    else text(c);
  }
  return parts;
}

/**
 * `property LIKE 'pattern'` on a string property's whole value, case-sensitive: a pattern without
 * wildcards is an equality, one ending in its only `%` a prefix, any other a wildcard pattern
 * whose text parts the compiler escapes.
 */
export function planLike(ctx: Cql2Context, field: QueryField, pattern: Cql2Scalar): Predicate {
  if (field.type !== 'text') ctx.fail(`LIKE applies to strings; property "${field.name}" is ${field.type}`, pattern.span);
  if (pattern.kind !== 'string') return ctx.fail('LIKE takes a quoted pattern (\'Paris%\')', pattern.span);
  const path = ctx.valuePath(field, pattern.span);
  const parts = likeParts(pattern.value);
  if (parts.length === 0) return { kind: 'term', path, value: '' };
  if (parts.length === 1 && parts[0].kind === 'text') return { kind: 'term', path, value: parts[0].text };
  if (parts.length === 2 && parts[0].kind === 'text' && parts[1].kind === 'anyChars') return { kind: 'prefix', path, value: parts[0].text };
  return { kind: 'like', path, pattern: parts };
}
