import type { AnalyzePlan, AnalyzePoint } from '../model/analyze';

const compareKeys = (a: Array<string | number>, b: Array<string | number>): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    return typeof a[i] === 'number' && typeof b[i] === 'number' ? (a[i] as number) - (b[i] as number) : String(a[i]) < String(b[i]) ? -1 : 1;
  }
  return a.length - b.length;
};

/** Points in x order (or as `sort` asks), capped by `maxpoints`, cumulative series summed in x order. */
export function finishPoints(plan: AnalyzePlan, points: AnalyzePoint[]): { points: AnalyzePoint[]; truncated: boolean } {
  points.sort((a, b) => compareKeys(a.order, b.order));
  for (const s of plan.series.filter((x) => x.cumulative)) {
    let total = 0;
    for (const p of points) { total += p.values[s.name] ?? 0; p.values[s.name] = total; }
  }
  const sort = plan.sort;
  if (sort) {
    const value = (p: AnalyzePoint): number => p.values[sort.by] ?? Number.NEGATIVE_INFINITY;
    points.sort((a, b) => (sort.by === 'x' ? compareKeys(a.order, b.order) : value(a) - value(b) || compareKeys(a.order, b.order)) * (sort.descending ? -1 : 1));
  }
  const truncated = plan.maxpoints !== undefined && points.length > plan.maxpoints;
  return { points: truncated ? points.slice(0, plan.maxpoints) : points, truncated };
}
