import type { ExportPlan } from '../model/searchPlan';
import { compilePredicate } from './compilePredicate';
import { sourceOf } from './compileSearch';
import type { ScanRequest } from '../model/scanRequest';

/**
 * An export plan → the scan that reads it. When the request asked for no order (the plan's sort
 * is only the record-id tie-breaker) and for every record, the scan leaves the order free, so
 * that it can be read in index order and in parallel slices. A plan that reads records as written
 * reads only the field that keeps them written.
 */
export function compileScan(plan: ExportPlan): ScanRequest {
  const anyOrder = plan.sort.length === 1 && plan.sort[0].path === 'recordid' && plan.limit === undefined;
  return {
    index: plan.index,
    query: compilePredicate(plan.query),
    ...(anyOrder ? {} : { sort: plan.sort.map((k) => ({ [k.path]: { order: k.order } })) }),
    // Without a choice of fields, the stored _source is what is shown (the index keeps only the
    // record as published there): read as stored, it costs Elasticsearch no parse and rewrite of
    // every document, which source filtering does (half the time of a page of polygons).
    ...(plan.written ? { _source: false, docValueFields: [plan.written] } : { _source: plan.fields ? sourceOf(plan) : true }),
    ...(plan.limit !== undefined ? { limit: plan.limit } : {}),
  };
}
