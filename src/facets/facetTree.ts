import type { FacetPath } from './facetKind';
import type { FacetRequest } from '../plan/searchPlan';

export type FacetState = 'displayed' | 'refined' | 'excluded';

/** One value of a facet group (reference/ods-v1.md §2.4), with its next level when expanded. */
export interface FacetValue { name: string; path: string; count: number; state: FacetState; facets?: FacetValue[] }
export interface FacetGroup { name: string; facets: FacetValue[] }

/**
 * The paths whose children are listed: every refined path and its ancestors (a refined node
 * shows the level below it; the deepest level has none).
 */
export function expandedPaths(facet: FacetRequest): FacetPath[] {
  const { kind, ctx } = facet;
  if (!kind || !ctx) return [];
  const out = new Map<string, FacetPath>();
  for (const r of facet.refined) {
    let path: string | undefined = r.path;
    for (let depth = r.depth; path !== undefined && depth >= 1; depth--) {
      if (depth < kind.maxDepth) out.set(path, { path, depth });
      path = kind.parentOf(ctx, path);
    }
  }
  return [...out.values()];
}
