import type { Access } from '../auth/access';
import type { Deps } from '../execute/deps';
import type { DatastoreRequest } from '../model/datastoreRequest';
import type { SearchPlan } from '../model/searchPlan';
import type { RecordHit, SearchResult } from '../model/searchResult';
import type { LaterPieces } from '../execute/searchInPieces';
import { countsApartFor } from '../execute/splitSearch';
import { planDatastore } from '../plan/planDatastore';
import { readSearchResult } from '../results/readSearchResult';
import { resolveDataset } from './resolveDataset';
import { searchPage } from './searchPage';
import { runDistinct } from './runDistinct';
import { withIndexKeys } from './withIndexKeys';

/**
 * CKAN datastore_search and d4c's records 2.0 search: resolve → plan → one page (read from a
 * snapshot beyond the result window, and in pieces of `pieceRows` when larger) → read; with `distinct`, the distinct rows of the whole result.
 * With `shapesAsText` (its writer splices them), the records of the page keep their shapes as stored text.
 */
export async function runDatastoreSearch(deps: Deps, access: Access, req: DatastoreRequest, now: number, pieceRows: number, shapesAsText = false): Promise<{ plan: SearchPlan; result: SearchResult; more?: LaterPieces<RecordHit> }> {
  const target = await resolveDataset(deps, access, req.dataset);
  const plan = await withIndexKeys(deps, planDatastore(req, target, now));
  if (req.distinct) return { plan, result: await runDistinct(deps, plan, req.fields !== undefined) };
  const page = await searchPage(deps, plan, pieceRows, { shapesAsText, countsApart: countsApartFor(target.row.recordsCount) });
  // The total and facets from the head; its records are the page's, already read: taken as stored, the head's hits cost no second parse of their shapes.
  return { plan, result: { ...readSearchResult(plan, page.head, true), records: page.first }, ...(page.more ? { more: page.more } : {}) };
}
