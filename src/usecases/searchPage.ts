import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { compileScan } from '../compile/compileScan';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { exportRecords } from '../execute/exportRecords';
import { searchIndex } from '../execute/searchIndex';
import { searchInPieces, type LaterPieces } from '../execute/searchInPieces';
import { recordAsStored, recordOfHit, recordPieces } from '../results/readSearchResult';
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

/** A page of a search plan: its first piece (with the total and the facets), and the records after that piece when it was read in pieces. */
export interface PagePieces { head: SearchResponse<RecordHit>; first: RecordHit[]; more?: LaterPieces<RecordHit> }

/** The records of `pages` from the `skip`th on, without empty pages. */
async function* from(pages: AsyncGenerator<RecordHit[]>, skip: number): AsyncGenerator<RecordHit[]> {
  let seen = 0;
  for await (const page of pages) {
    const kept = page.slice(Math.max(0, skip - seen));
    seen += page.length;
    if (kept.length > 0) yield kept;
  }
}

/**
 * One page of a search plan. Within the result window it is one request, or for more than
 * `pieceRows` records a search read in pieces (src/execute/searchInPieces.ts). CKAN callers may
 * page beyond the window (`offset` has no limit there), so such a page takes its total and facets
 * from one request and its records, `pieceRows` at a time, from a snapshot read in order up to the page.
 * With `shapesAsText` (its writer splices them), the records keep their shapes as stored text.
 * With `countsApart`, a page sends its counts and its total apart (src/execute/splitSearch.ts).
 */
export async function searchPage(
  deps: Deps, plan: SearchPlan, pieceRows: number, { shapesAsText = false, countsApart = false }: { shapesAsText?: boolean; countsApart?: boolean } = {},
): Promise<PagePieces> {
  if (plan.start + plan.rows <= RESULT_WINDOW) {
    const { first, rest } = await searchInPieces<RecordHit>(deps, compileSearch(plan), pieceRows, { countsApart });
    return { head: first, first: first.hits.hits.map(shapesAsText ? recordAsStored : recordOfHit), ...(rest ? { more: { pieces: recordPieces(rest.pieces, shapesAsText), release: rest.release } } : {}) };
  }
  const head = await searchIndex(deps, compileSearch({ ...plan, rows: 0, start: 0 }));
  const pages = from(exportRecords(deps, compileScan(scanPlan(plan)), pieceRows, shapesAsText), plan.start);
  const firstPage = await pages.next();
  if (firstPage.done) return { head, first: [] };
  // The page fits its first piece: nothing more to read.
  if (firstPage.value.length >= plan.rows) {
    await pages.return(undefined);
    return { head, first: firstPage.value };
  }
  return { head, first: firstPage.value, more: { pieces: pages, release: async () => { await pages.return(undefined); } } };
}
