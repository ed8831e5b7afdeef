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
    // Each ancestor is parsed again for its depth: past the kind's last level, a path and its
    // first ancestors share that level (a 10-level hierarchy path and its 9-level parent are both
    // depth 8), so counting down from the refined depth would mislabel them.
    for (let p: FacetPath | undefined = r; p !== undefined && p.depth >= 1; ) {
      if (p.depth < kind.maxDepth) out.set(p.path, p);
      const parent = kind.parentOf(ctx, p.path);
      p = parent === undefined ? undefined : kind.parsePath(ctx, parent);
    }
  }
  return [...out.values()];
}
