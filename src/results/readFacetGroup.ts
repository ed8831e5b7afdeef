import type { FacetRequest } from '../model/searchPlan';
import { expandedPaths } from '../facets/facetTree';
import { FACET_AGG } from '../facets/facetAggNames';
import { FacetGroup, FacetValue } from '../model/facetGroup';
import { sortFacetValues } from './sortFacetValues';

type AggResults = Record<string, unknown>;
const sub = (r: unknown, key: string): AggResults => ((r as AggResults | undefined)?.[key] ?? {}) as AggResults;
const docCount = (r: unknown): number => Number((r as { doc_count?: number } | undefined)?.doc_count ?? 0);

/** Facet group `i` from the response's aggregations: the first level, expanded paths' children, states and order. */
export function readFacetGroup(facet: FacetRequest, i: number, aggregations: AggResults): FacetGroup {
  const { kind, ctx } = facet;
  if (!kind || !ctx) return { name: facet.name, facets: [] };
  // A group whose counts see every match has its levels at the top (src/compile/facetAggregations.ts),
  // and one whose filter others share has them, named as at the top, in their shared group
  // (src/compile/sharedFacetFilters.ts).
  const shared = FACET_AGG.sharedGroupOf(i, Object.keys(aggregations));
  const inGroup = (level: string): AggResults | undefined => {
    const top = FACET_AGG.unwrapped(i, level);
    if (top in aggregations) return aggregations[top] as AggResults;
    return (shared === undefined ? sub(aggregations, FACET_AGG.group(i))[level] : sub(aggregations, shared)[top]) as AggResults | undefined;
  };
  // The level below an expanded path, with or without a filter around it.
  const below = (j: number): AggResults => inGroup(FACET_AGG.unfilteredBelow(j)) ?? sub(inGroup(FACET_AGG.expanded(j)), FACET_AGG.below);
  const expanded = new Map(expandedPaths(facet).map((p, j) => [p.path, below(j)]));
  const excludedCount = (k: number): number => docCount(aggregations[FACET_AGG.excludedAtTop(i, k)] ?? sub(sub(aggregations, FACET_AGG.excludedGroup(i)), FACET_AGG.excluded(k)));
  const excluded = new Map(facet.excluded.map((e, k) => [e.path, { ...e, count: excludedCount(k) }]));
  const refined = new Set(facet.refined.map((r) => r.path));
  for (const path of expanded.keys()) refined.add(path);

  const level = (result: unknown, depth: number, parent?: string): FacetValue[] => {
    const values: FacetValue[] = kind
      .read(ctx, result)
      .filter((b) => b.count > 0 && !excluded.has(b.path) && (parent === undefined || kind.isUnder(ctx, parent, b.path)))
      .map((b) => ({ name: kind.nameOf(ctx, b.path), path: b.path, count: b.count, state: refined.has(b.path) ? 'refined' : 'displayed' }));
    for (const e of excluded.values()) {
      if (e.depth === depth && kind.parentOf(ctx, e.path) === parent) values.push({ name: kind.nameOf(ctx, e.path), path: e.path, count: e.count, state: 'excluded' });
    }
    for (const v of values) {
      const below = expanded.get(v.path);
      if (below && v.state !== 'excluded') v.facets = level(below, depth + 1, v.path);
    }
    const sorted = sortFacetValues(values, facet.sort);
    return facet.limit === undefined ? sorted : sorted.slice(0, facet.limit);
  };
  return { name: facet.name, facets: level(inGroup(FACET_AGG.firstLevel) ?? {}, 1) };
}
