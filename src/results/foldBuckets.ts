import { addValue, emptyAcc, merge, resultOf } from '../values/accumulator';
import { Acc } from '../model/analyze';
import type { AnalyzePlan, AnalyzePoint } from '../model/analyze';
import { dateParts } from '../values/dateParts';
import { evaluate } from '../query/expression';
import { numberOfKey } from '../text/numberKey';

export interface CompositeBucket { key: Record<string, string | number | null>; doc_count: number; [agg: string]: unknown }

interface ExtendedStats { count: number; sum: number | null; min: number | null; max: number | null; sum_of_squares: number | null }

/** The x of a bucket (folded: every Monday together for `{weekday}`) and the key ordering it. */
function xOf(plan: AnalyzePlan, b: CompositeBucket): { x: unknown; order: Array<string | number> } | undefined {
  if (plan.xs.length === 0) return { x: undefined, order: [] };
  const order: Array<string | number> = [];
  const named: Record<string, unknown> = {};
  for (const [i, x] of plan.xs.entries()) {
    const raw = b.key[`x${i}`];
    // A number grouped by its sortable key is shown as the number (src/text/numberKey.ts).
    const k = raw !== null && raw !== undefined && x.kind === 'terms' && x.keyPath !== undefined ? numberOfKey(String(raw)) : raw;
    if (k === null || k === undefined) return undefined;
    if (x.kind === 'terms') { named[x.field.name] = k; order.push(k); continue; }
    const parts = dateParts(Number(k), x.parts, x.timeZone);
    Object.assign(named, parts);
    order.push(...Object.values(parts));
  }
  const single = plan.xs.length === 1 && plan.xs[0].kind === 'terms';
  return { x: single ? order[0] : named, order };
}

/**
 * Composite buckets → one point per distinct x, each series accumulated: from Elasticsearch's
 * statistics when the series is a field, or by evaluating its expression on each combination of
 * field values (weighted by its records) otherwise.
 */
export class PointFolder {
  private readonly points = new Map<string, { x: unknown; order: Array<string | number>; accs: Map<string, Acc> }>();
  constructor(private readonly plan: AnalyzePlan) {}

  add(b: CompositeBucket): void {
    const x = xOf(this.plan, b);
    if (!x) return;
    const key = JSON.stringify(x.order);
    let p = this.points.get(key);
    if (!p) { p = { ...x, accs: new Map(this.plan.series.map((s) => [s.name, emptyAcc()])) }; this.points.set(key, p); }
    const values = new Map<string, number>();
    this.plan.valueFields.forEach((f, j) => { const v = b.key[`v${j}`]; if (typeof v === 'number') values.set(f, v); });
    for (const s of this.plan.series) {
      const acc = p.accs.get(s.name)!;
      const bucket = emptyAcc();
      bucket.docs = b.doc_count;
      if (this.plan.valueFields.length > 0 && s.expr) {
        const v = evaluate(s.expr, values);
        if (v !== undefined && Number.isFinite(v)) addValue(bucket, v, b.doc_count);
      } else if (s.field) {
        const st = b[`s_${s.name}`] as ExtendedStats | undefined;
        if (st && st.count > 0) Object.assign(bucket, { n: st.count, sum: st.sum ?? 0, sumsq: st.sum_of_squares ?? 0, min: st.min ?? Infinity, max: st.max ?? -Infinity });
      }
      merge(acc, bucket);
    }
  }

  get size(): number { return this.points.size; }

  result(): AnalyzePoint[] {
    return [...this.points.values()].map((p) => ({
      x: p.x, order: p.order, values: Object.fromEntries(this.plan.series.map((s) => [s.name, resultOf(p.accs.get(s.name)!, s.func)])),
    }));
  }
}
