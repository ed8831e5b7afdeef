import type { FacetPath } from '../model/facetKind';
import type { FacetRequest } from '../model/searchPlan';

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
