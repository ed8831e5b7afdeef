import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { AnalyzePlan } from '../model/analyze';
import { INTERVAL_MS } from '../values/dateParts';
import type { CompositeBucket } from './foldBuckets';
import { totalHits } from './totalHits';

type BoundsAggs = Record<string, { min?: number | null; max?: number | null; count?: number; value?: number }>;

/**
 * The buckets an analyze would read, from its bounds request: each date x's range divided by its
 * interval (as a date histogram would cut it), each other x's distinct values, and the
 * combinations of fields read by expressions (no more than the records that hold them).
 */
export function analyzeBucketEstimate(plan: AnalyzePlan, res: SearchResponse): number {
  const aggs = (res.aggregations ?? {}) as BoundsAggs;
  let buckets = 1;
  plan.xs.forEach((x, i) => {
    const a = aggs[`x${i}`];
    buckets *= x.kind === 'date'
      ? (a.count ? Math.floor(((a.max ?? 0) - (a.min ?? 0)) / INTERVAL_MS[x.interval]) + 1 : 1)
      : Math.max(1, a.value ?? 1);
  });
  return buckets * (Math.min(totalHits(res), plan.valueFields.reduce((n, _, j) => n * Math.max(1, (aggs[`v${j}`].value ?? 0) + 1), 1)) || 1);
}

/** The whole matching set as one bucket: the answer of an analyze with nothing to group by. */
export function readAnalyzeTotals(res: SearchResponse): CompositeBucket {
  return { key: {}, doc_count: totalHits(res), ...(res.aggregations ?? {}) };
}

/** One composite page: its buckets and the key to read the next one after. */
export function readCompositePage(res: SearchResponse): { buckets: CompositeBucket[]; after?: Record<string, unknown> } {
  const points = (res.aggregations?.points ?? {}) as { buckets?: CompositeBucket[]; after_key?: Record<string, unknown> };
  return { buckets: points.buckets ?? [], ...(points.after_key ? { after: points.after_key } : {}) };
}
