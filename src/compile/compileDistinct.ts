import type { AggregationsCompositeAggregationSource, SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import type { DistinctPlan, SearchPlan } from '../model/searchPlan';
import { compilePredicate } from './compilePredicate';
import { sourceOf } from './compileSearch';

/** Distinct rows read per composite page. */
export const DISTINCT_PAGE = 10_000;
/** The finest geotile precision (tiles of a few centimetres): geographic values compare by it. */
const FINEST_TILE = 29;

/**
 * One page of the distinct rows of a plan: a composite aggregation over the compared values
 * (`k0`, `k1`, …; a missing value is a value of its own), each bucket with its first record's line.
 */
export function compileDistinctPage(plan: DistinctPlan, after: Record<string, unknown> | undefined): SearchRequest {
  const sources: Array<Record<string, AggregationsCompositeAggregationSource>> = plan.keys.map((k, i) => ({
    [`k${i}`]: k.geo ? { geotile_grid: { field: k.path, precision: FINEST_TILE, missing_bucket: true } } : { terms: { field: k.path, missing_bucket: true } },
  }));
  return {
    index: plan.index, size: 0, track_total_hits: false, query: compilePredicate(plan.query),
    aggs: { rows: { composite: { size: DISTINCT_PAGE, sources, ...(after ? { after: after as Record<string, string> } : {}) }, aggs: { first: { min: { field: 'line' } } } } },
  };
}

/** The records at some lines (the first record of each distinct row of a page), with the plan's fields. */
export function compileRecordsAtLines(plan: SearchPlan, lines: readonly number[]): SearchRequest {
  return {
    index: plan.index, size: lines.length, track_total_hits: false,
    query: { bool: { filter: [{ terms: { line: [...lines] } }] } },
    _source: sourceOf(plan),
  };
}
