import { compilePredicate } from '../compile/compilePredicate';
import type { GeoPlan } from '../model/geo';
import type { Deps } from '../execute/deps';
import { recordPaths } from '../schema/recordPaths';

export interface BoundingBox { count: number; bbox: number[]; geometries: Record<string, number> }

/** The box around the matching records' points (reference/ods-v1.md §2.7): [west, south, east, north], and how many of each geometry type. */
export async function runBoundingBox(deps: Deps, plan: GeoPlan): Promise<BoundingBox> {
  const path = recordPaths.value(plan.geoField);
  const res = await deps.es.search({
    index: plan.index, size: 0, track_total_hits: true,
    query: { bool: { filter: [compilePredicate(plan.query), { exists: { field: path } }] } },
    aggs: { bounds: { geo_bounds: { field: path } }, types: { terms: { field: 'geometry_type', size: 20 } } },
  });
  const count = typeof res.hits.total === 'number' ? res.hits.total : res.hits.total?.value ?? 0;
  const b = (res.aggregations?.bounds as { bounds?: { top_left: { lat: number; lon: number }; bottom_right: { lat: number; lon: number } } } | undefined)?.bounds;
  const types = (res.aggregations?.types as { buckets?: Array<{ key: string; doc_count: number }> } | undefined)?.buckets ?? [];
  return {
    count,
    bbox: b ? [b.top_left.lon, b.bottom_right.lat, b.bottom_right.lon, b.top_left.lat] : [],
    geometries: Object.fromEntries(types.map((t) => [t.key, t.doc_count])),
  };
}
