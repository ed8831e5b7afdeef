import type { Access } from '../auth/access';
import { ANALYZE_PAGE, compileAnalyzePage, compileAnalyzeTotals } from '../compile/analyzeAggs';
import { AppError } from '../errors/catalogue';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { AnalyzePlan, AnalyzePoint } from '../model/analyze';
import type { AnalyzeRequest } from '../model/recordsRequest';
import { planAnalyze } from '../plan/planAnalyze';
import { finishPoints } from '../results/finishPoints';
import { PointFolder } from '../results/foldBuckets';
import { readAnalyzeTotals, readCompositePage } from '../results/readAnalyze';
import { resolveDataset } from './resolveDataset';
import { analyzeWithIndexKeys } from './withIndexKeys';

/** Most buckets one analyze may read (x buckets × combinations of the fields an expression reads). */
export const MAX_ANALYZE_BUCKETS = 100_000;

/**
 * The 400 of an analysis whose buckets pass the limit. It names `precision` when a date x could be
 * cut coarser, `x` otherwise.
 */
function tooManyBuckets(plan: AnalyzePlan): AppError {
  return new AppError('bad_parameter', `This analysis reads more than ${MAX_ANALYZE_BUCKETS} buckets: use a coarser precision, filters, or fewer fields in x or in expressions.`, { parameter: plan.xs.some((x) => x.kind === 'date') ? 'precision' : 'x' });
}

/**
 * The points of a plan: one request without groups, else the composite aggregation read page by
 * page and folded. The composite aggregation only ever returns buckets that hold records, so
 * the limit is checked on the buckets really read, whatever the span of a date x: the reading
 * stops (a 400) as soon as they pass it, never costing more than the largest accepted analysis.
 */
async function readPoints(deps: Deps, plan: AnalyzePlan): Promise<AnalyzePoint[]> {
  const folder = new PointFolder(plan);
  if (plan.xs.length === 0 && plan.valueFields.length === 0) {
    folder.add(readAnalyzeTotals(await searchIndex(deps, compileAnalyzeTotals(plan))));
    return folder.result();
  }
  let after: Record<string, unknown> | undefined;
  let read = 0;
  for (;;) {
    const page = readCompositePage(await searchIndex(deps, compileAnalyzePage(plan, after)));
    read += page.buckets.length;
    if (read > MAX_ANALYZE_BUCKETS) throw tooManyBuckets(plan);
    for (const b of page.buckets) folder.add(b);
    if (page.buckets.length < ANALYZE_PAGE || !page.after) break;
    after = page.after;
  }
  if (plan.xs.length === 0 && folder.size === 0) folder.add({ key: {}, doc_count: 0 });
  return folder.result();
}

/** analyze (reference/ods-v1.md §1.6): resolve → plan → the points (at most the bucket limit), sorted and cut to `maxpoints`. */
export async function runAnalyze(deps: Deps, access: Access, req: AnalyzeRequest, now: number): Promise<{ plan: AnalyzePlan; points: AnalyzePoint[]; truncated: boolean }> {
  const plan = await analyzeWithIndexKeys(deps, planAnalyze(req, await resolveDataset(deps, access, req.dataset), now));
  return { plan, ...finishPoints(plan, await readPoints(deps, plan)) };
}
