import type { ExportPlan } from '../model/searchPlan';
import { compilePredicate } from './compilePredicate';
import { sourceOf } from './compileSearch';
import type { ScanRequest } from '../model/scanRequest';

/** An export plan → the scan that reads it. */
export function compileScan(plan: ExportPlan): ScanRequest {
  return {
    index: plan.index,
    query: compilePredicate(plan.query),
    sort: plan.sort.map((k) => ({ [k.path]: { order: k.order } })),
    _source: sourceOf(plan),
    ...(plan.limit !== undefined ? { limit: plan.limit } : {}),
  };
}
