import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import type { GeoPlan } from '../model/geo';
import { recordPaths } from '../schema/recordPaths';
import { fieldSeriesStats } from './analyzeAggs';
import { compilePredicate } from './compilePredicate';

/** Most grid cells one geocluster may read. */
export const MAX_CLUSTER_CELLS = 65_536;

/** The matching records' count and the bounds of their points: what geocluster checks before it asks for a grid. */
export function compileGeoProbe(plan: GeoPlan): SearchRequest {
  return { index: plan.index, size: 0, track_total_hits: true, query: compilePredicate(plan.query), aggs: { bounds: { geo_bounds: { field: recordPaths.value(plan.geoField) } } } };
}

/**
 * One page of `pageSize` cells of a geotile grid of the matching records' points at `precision`
 * (a composite aggregation, so that a large grid is read in pages, each after `after`), each cell
 * with its centroid, bounds and series statistics.
 */
export function compileGeoGrid(plan: GeoPlan, precision: number, pageSize: number, after?: Record<string, unknown>): SearchRequest {
  const path = recordPaths.value(plan.geoField);
  return {
    index: plan.index, size: 0, query: compilePredicate(plan.query),
    aggs: {
      grid: {
        composite: { size: pageSize, sources: [{ cell: { geotile_grid: { field: path, precision } } }], ...(after ? { after: after as never } : {}) },
        aggs: { centroid: { geo_centroid: { field: path } }, bounds: { geo_bounds: { field: path } }, ...fieldSeriesStats(plan.series) },
      },
    },
  };
}

/** The count, bounds and geometry types of the matching records that have a point. */
export function compileBoundingBox(plan: GeoPlan): SearchRequest {
  const path = recordPaths.value(plan.geoField);
  return {
    index: plan.index, size: 0, track_total_hits: true,
    query: { bool: { filter: [compilePredicate(plan.query), { exists: { field: path } }] } },
    aggs: { bounds: { geo_bounds: { field: path } }, types: { terms: { field: 'geometry_type', size: 20 } } },
  };
}

/** The first `rows` matching records by id, with their point and (for a shape field) their shape. */
export function compileGeopreview(plan: GeoPlan, shapeField: string | undefined, rows: number): SearchRequest {
  return {
    index: plan.index, size: rows, query: compilePredicate(plan.query), sort: [{ recordid: { order: 'asc' } }],
    _source: ['recordid', 'geometry', ...(shapeField ? [recordPaths.source(shapeField)] : [])],
  };
}
