import type { AggregationsAggregationContainer, AggregationsCompositeAggregationSource } from '@elastic/elasticsearch/lib/api/types';
import type { AnalyzePlan, Series } from '../model/analyze';
import { recordPaths } from '../schema/recordPaths';

type Agg = AggregationsAggregationContainer;

/** Composite sources: one per x (values, or a date histogram in the zone), then one per field read record by record. */
export function compositeSources(plan: AnalyzePlan): Array<Record<string, AggregationsCompositeAggregationSource>> {
  const xs = plan.xs.map((x, i) => ({
    [`x${i}`]: x.kind === 'terms'
      ? { terms: { field: recordPaths.value(x.field.name) } }
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

/** The bounds check: date ranges of the date x, distinct values of the other x and of fields read record by record. */
export function boundsAggs(plan: AnalyzePlan): Record<string, Agg> {
  const aggs: Record<string, Agg> = {};
  plan.xs.forEach((x, i) => {
    aggs[`x${i}`] = x.kind === 'date' ? { stats: { field: recordPaths.value(x.field.name) } } : { cardinality: { field: recordPaths.value(x.field.name) } };
  });
  plan.valueFields.forEach((f, j) => { aggs[`v${j}`] = { cardinality: { field: recordPaths.value(f) } }; });
  return aggs;
}
