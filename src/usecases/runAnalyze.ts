import { boundsAggs, compositeSources, seriesAggs } from '../compile/analyzeAggs';
import type { AnalyzePlan, AnalyzePoint } from '../model/analyze';
import { INTERVAL_MS } from '../values/dateParts';
import { CompositeBucket, PointFolder } from '../results/foldBuckets';
import { compilePredicate } from '../compile/compilePredicate';
import { AppError } from '../errors/catalogue';
import type { Deps } from '../execute/deps';

/** Most buckets one analyze may read (x buckets × combinations of the fields an expression reads). */
export const MAX_ANALYZE_BUCKETS = 100_000;
const PAGE = 2000;

type Aggs = Record<string, { min?: number | null; max?: number | null; count?: number; value?: number }>;

/**
 * The buckets the request would read: each date x's range divided by its interval (as a date
 * histogram would cut it), each other x's distinct values, and the combinations of fields read
 * by expressions. A 400 above the limit, before the aggregation runs.
 */
async function checkBounds(deps: Deps, plan: AnalyzePlan): Promise<void> {
  if (plan.xs.length === 0 && plan.valueFields.length === 0) return;
  const res = await deps.es.search({ index: plan.index, size: 0, track_total_hits: true, query: compilePredicate(plan.query), aggs: boundsAggs(plan) });
  const total = typeof res.hits.total === 'number' ? res.hits.total : res.hits.total?.value ?? 0;
  const aggs = (res.aggregations ?? {}) as Aggs;
  let buckets = 1;
  plan.xs.forEach((x, i) => {
    const a = aggs[`x${i}`];
    buckets *= x.kind === 'date'
      ? (a.count ? Math.floor(((a.max ?? 0) - (a.min ?? 0)) / INTERVAL_MS[x.interval]) + 1 : 1)
      : Math.max(1, a.value ?? 1);
  });
  // Combinations of the fields an expression reads: no more than the records that hold them.
  buckets *= Math.min(total, plan.valueFields.reduce((n, _, j) => n * Math.max(1, (aggs[`v${j}`].value ?? 0) + 1), 1)) || 1;
  if (buckets > MAX_ANALYZE_BUCKETS) {
    throw new AppError('bad_parameter', `This analysis would read about ${Math.round(buckets)} buckets (limit ${MAX_ANALYZE_BUCKETS}): use a coarser precision, filters, or fewer fields in expressions.`, { parameter: plan.xs.some((x) => x.kind === 'date') ? 'precision' : 'x' });
  }
}

/** Runs an analyze plan: a bounds check, then a composite aggregation read page by page and folded into points. */
export async function runAnalyze(deps: Deps, plan: AnalyzePlan): Promise<AnalyzePoint[]> {
  await checkBounds(deps, plan);
  const folder = new PointFolder(plan);
  const query = compilePredicate(plan.query);
  const sources = compositeSources(plan);
  if (sources.length === 0) {
    const res = await deps.es.search({ index: plan.index, size: 0, track_total_hits: true, query, aggs: seriesAggs(plan) });
    const total = typeof res.hits.total === 'number' ? res.hits.total : res.hits.total?.value ?? 0;
    folder.add({ key: {}, doc_count: total, ...(res.aggregations ?? {}) });
    return folder.result();
  }
  let after: Record<string, unknown> | undefined;
  let read = 0;
  for (;;) {
    const res = await deps.es.search({
      index: plan.index, size: 0, query,
      aggs: { points: { composite: { size: PAGE, sources, ...(after ? { after: after as Record<string, string> } : {}) }, aggs: seriesAggs(plan) } },
    });
    const points = (res.aggregations?.points ?? {}) as { buckets?: CompositeBucket[]; after_key?: Record<string, unknown> };
    const buckets = points.buckets ?? [];
    for (const b of buckets) folder.add(b);
    read += buckets.length;
    if (read > MAX_ANALYZE_BUCKETS) throw new AppError('bad_parameter', `This analysis reads more than ${MAX_ANALYZE_BUCKETS} buckets.`, { parameter: 'x' });
    if (buckets.length < PAGE || !points.after_key) break;
    after = points.after_key;
  }
  if (plan.xs.length === 0 && folder.size === 0) folder.add({ key: {}, doc_count: 0 });
  return folder.result();
}
