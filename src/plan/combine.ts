import type { Predicate } from '../model/predicate';
import type { FieldFilter } from '../model/searchPlan';

/** All of some predicates; `all` ones drop out, and none at all is `all`. */
export function allOf(parts: readonly Predicate[]): Predicate {
  const clauses = parts.filter((p) => p.kind !== 'all');
  return clauses.length === 0 ? { kind: 'all' } : clauses.length === 1 ? clauses[0] : { kind: 'and', clauses };
}

/** Any of some predicates (at least one). */
export const anyOf = (parts: readonly Predicate[]): Predicate => (parts.length === 1 ? parts[0] : { kind: 'or', clauses: [...parts] });

/** One field's refines (unless left out) and excludes. */
export const filterParts = (f: FieldFilter, withRefine: boolean): Predicate[] => [...(withRefine && f.refine ? [f.refine] : []), ...(f.exclude ? [f.exclude] : [])];

/** Every field's filters together: the post_filter of the hits. */
export function allFilters(filters: readonly FieldFilter[]): Predicate {
  return allOf(filters.flatMap((f) => filterParts(f, true)));
}
