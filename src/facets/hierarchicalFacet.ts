import { annotationArg } from '../model/descriptor';
import { HIERARCHY_LEVELS } from '../schema/hierarchyLevels';
import type { FacetContext, FacetKind } from '../model/facetKind';
import { MAX_FACET_VALUES } from './valueFacet';
import { recordPaths } from '../schema/recordPaths';

const separator = (ctx: FacetContext): string => annotationArg(ctx.field, 'hierarchical') ?? '/';
const levelField = (ctx: FacetContext, depth: number): string => recordPaths.level(ctx.field.name, depth);

interface TermsResult { buckets?: Array<{ key: string; doc_count: number }> }

/**
 * A text field annotated `hierarchical`: `France/Ile-de-France/Paris` is three levels, each
 * indexed under its own key (h.<f>.l1 …), so a level is one terms aggregation and a path one term.
 */
export const hierarchicalFacet: FacetKind = {
  maxDepth: HIERARCHY_LEVELS,
  parsePath(ctx, raw) {
    const sep = separator(ctx);
    const levels = raw.normalize('NFC').split(sep).map((l) => l.trim()).filter((l) => l !== '');
    if (levels.length === 0) return undefined;
    return { path: levels.join(sep), depth: Math.min(levels.length, HIERARCHY_LEVELS) };
  },
  select: (ctx, p) => ({ kind: 'term', path: levelField(ctx, p.depth), value: p.path }),
  level: (ctx, depth) => ({ terms: { field: levelField(ctx, depth), size: ctx.size ?? MAX_FACET_VALUES, min_doc_count: 1, order: ctx.order } }),
  read: (_ctx, result) => ((result as TermsResult).buckets ?? []).map((b) => ({ path: b.key, count: b.doc_count })),
  nameOf(ctx, path) {
    const levels = path.split(separator(ctx));
    return levels[levels.length - 1];
  },
  isUnder: (ctx, parent, path) => path.startsWith(parent + separator(ctx)),
  parentOf(ctx, path) {
    const at = path.lastIndexOf(separator(ctx));
    return at > 0 ? path.slice(0, at) : undefined;
  },
};
