import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import type { DistinctPlan } from '../model/searchPlan';

/** One distinct row: its compared values (null: missing), in the plan's key order, and the line of its first record. */
export interface DistinctRow { key: Array<string | number | null>; first: number }

interface Bucket { key: Record<string, string | number | null>; first?: { value: number | null } }

/** One composite page of distinct rows, and the key to read the next page after. */
export function readDistinctPage(plan: DistinctPlan, res: SearchResponse): { rows: DistinctRow[]; after?: Record<string, unknown> } {
  const agg = (res.aggregations?.rows ?? {}) as { buckets?: Bucket[]; after_key?: Record<string, unknown> };
  const rows = (agg.buckets ?? []).map((b) => ({ key: plan.keys.map((_, i) => b.key[`k${i}`] ?? null), first: b.first?.value ?? 0 }));
  return { rows, ...(agg.after_key ? { after: agg.after_key } : {}) };
}

/** Numbers by value, texts by their UTF-8 bytes (as Elasticsearch orders keywords), a missing value last either way. */
function compare(a: string | number | null, b: string | number | null, order: 'asc' | 'desc'): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
  return order === 'asc' ? c : -c;
}

/** The distinct rows in the plan's order (its sort clauses, then first record), as the non-distinct search orders records. */
export function orderDistinct(plan: DistinctPlan, rows: DistinctRow[]): DistinctRow[] {
  const keyAt = new Map(plan.keys.map((k, i) => [k.path, i]));
  const value = (row: DistinctRow, path: string) => (path === 'line' ? row.first : row.key[keyAt.get(path)!]);
  return rows.sort((a, b) => {
    for (const k of plan.order) {
      const c = compare(value(a, k.path), value(b, k.path), k.order);
      if (c !== 0) return c;
    }
    return a.first - b.first;
  });
}
