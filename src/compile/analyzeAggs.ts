import type { AggregationsAggregationContainer, AggregationsCompositeAggregationSource, SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import { compilePredicate } from './compilePredicate';
import type { AnalyzePlan, Series } from '../model/analyze';
import { recordPaths } from '../schema/recordPaths';

type Agg = AggregationsAggregationContainer;

/** Composite sources: one per x (values, or a date histogram in the zone), then one per field read record by record. */
export function compositeSources(plan: AnalyzePlan): Array<Record<string, AggregationsCompositeAggregationSource>> {
  const xs = plan.xs.map((x, i) => ({
    [`x${i}`]: x.kind === 'terms'
      ? { terms: { field: x.keyPath ?? recordPaths.value(x.field.name) } }
      : { date_histogram: { field: recordPaths.value(x.field.name), calendar_interval: x.interval, time_zone: x.timeZone } },
  }));
  const values = plan.valueFields.map((f, j) => ({ [`v${j}`]: { terms: { field: recordPaths.value(f), missing_bucket: true } } }));
  return [...xs, ...values];
}

/** Per bucket, the statistics of each series that is a plain field (everything a function needs, and foldable). */
export function seriesAggs(plan: AnalyzePlan): Record<string, Agg> {
  if (plan.valueFields.length > 0) return {};
  return fieldSeriesStats(plan.series);
}

/** `s_<name>`: the extended statistics of each series that is a plain field (analyze buckets and geocluster cells alike). */
export function fieldSeriesStats(series: readonly Series[]): Record<string, Agg> {
  return Object.fromEntries(series.flatMap((s) => (s.field ? [[`s_${s.name}`, { extended_stats: { field: recordPaths.value(s.field) } }]] : [])));
}

/** Buckets read per composite page. */
export const ANALYZE_PAGE = 2000;

/** An analyze with nothing to group by: the series over every matching record, in one request. */
export function compileAnalyzeTotals(plan: AnalyzePlan): SearchRequest {
  return { index: plan.index, size: 0, track_total_hits: true, query: compilePredicate(plan.query), aggs: seriesAggs(plan) };
}

/** One page of the composite aggregation of an analyze, after the key of the previous page. */
export function compileAnalyzePage(plan: AnalyzePlan, after: Record<string, unknown> | undefined): SearchRequest {
  return {
    index: plan.index, size: 0, query: compilePredicate(plan.query),
    aggs: { points: { composite: { size: ANALYZE_PAGE, sources: compositeSources(plan), ...(after ? { after: after as Record<string, string> } : {}) }, aggs: seriesAggs(plan) } },
  };
}
