import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { compileScan } from '../compile/compileScan';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { exportRecords } from '../execute/exportRecords';
import { searchIndex } from '../execute/searchIndex';
import { allFilters, allOf } from '../plan/combine';
import type { ExportPlan, SearchPlan } from '../model/searchPlan';
import type { RecordHit } from '../model/searchResult';

/** Elasticsearch's `max_result_window` of record indices (mappings/records.json). */
export const RESULT_WINDOW = 10_000;

function scanPlan(plan: SearchPlan): ExportPlan {
  return {
    index: plan.index, datasetId: plan.datasetId, schema: plan.schema, sort: plan.sort, fields: plan.fields, timeZone: plan.timeZone,
    query: allOf([plan.query, allFilters(plan.filters)]),
    limit: plan.start + plan.rows,
  };
}

/**
 * One page of a search plan. Within the result window it is one request; CKAN callers may page
 * beyond it (`offset` has no limit there), so such a page takes its total and facets from one
 * request and its records from a snapshot read in order up to the page.
 */
export async function searchPage(deps: Deps, plan: SearchPlan): Promise<SearchResponse<RecordHit>> {
  if (plan.start + plan.rows <= RESULT_WINDOW) return searchIndex(deps, compileSearch(plan));
  const head = await searchIndex(deps, compileSearch({ ...plan, rows: 0, start: 0 }));
  const hits: RecordHit[] = [];
  let seen = 0;
  for await (const page of exportRecords(deps, compileScan(scanPlan(plan)), RESULT_WINDOW)) {
    for (const h of page) if (seen++ >= plan.start) hits.push(h);
  }
  return { ...head, hits: { ...head.hits, hits: hits.map((h) => ({ _index: plan.index, _id: h.recordid, _source: h })) } };
}
