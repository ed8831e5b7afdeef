import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';

/**
 * The extent of a records index in one request, no hits: the box around the indexed points of
 * `geoPath` (a shape is indexed by its centroid) and the least and greatest value of `timePath`.
 */
export function compileExtent(index: string, geoPath: string, timePath: string | undefined): SearchRequest {
  return {
    index, size: 0, track_total_hits: false,
    aggs: {
      bounds: { geo_bounds: { field: geoPath } },
      ...(timePath ? { first: { min: { field: timePath } }, last: { max: { field: timePath } } } : {}),
    },
  };
}
