import type { Predicate } from '../model/predicate';
import type { FacetRequest, FieldFilter } from '../model/searchPlan';

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

/**
 * The filter parts that every facet aggregation and the hits apply alike, and the rest. A field's
 * refines are shared unless they are disjunctive (its facet then counts without them); its
 * excludes are shared unless its facet lists excluded values (whose counts leave them out). A
 * shared part can narrow the query itself, so that Elasticsearch aggregates over fewer documents.
 */
export function splitShared(filters: readonly FieldFilter[], facets: readonly FacetRequest[]): { shared: Predicate[]; rest: FieldFilter[] } {
  const shared: Predicate[] = [];
  const rest: FieldFilter[] = [];
  for (const f of filters) {
    const own = facets.filter((facet) => facet.name === f.field && facet.kind && facet.ctx);
    const refineShared = !f.disjunctive || own.length === 0;
    const excludeShared = own.every((facet) => facet.excluded.length === 0);
    if (f.refine && refineShared) shared.push(f.refine);
    if (f.exclude && excludeShared) shared.push(f.exclude);
    const left: FieldFilter = { field: f.field, disjunctive: f.disjunctive, ...(f.refine && !refineShared ? { refine: f.refine } : {}), ...(f.exclude && !excludeShared ? { exclude: f.exclude } : {}) };
    if (left.refine || left.exclude) rest.push(left);
  }
  return { shared, rest };
}
