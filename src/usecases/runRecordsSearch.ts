import type { Access } from '../auth/access';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { resolveDataset } from './resolveDataset';
import { searchInPieces, type LaterPieces } from '../execute/searchInPieces';
import { countsApartFor } from '../execute/splitSearch';
import type { RecordsSearchRequest } from '../model/recordsRequest';
import { planRecordsSearch } from '../plan/planRecordsSearch';
import type { SearchPlan } from '../model/searchPlan';
import { readSearchResult, recordPieces } from '../results/readSearchResult';
import type { RecordHit, SearchResult } from '../model/searchResult';

/** A records page: its plan, its first piece (with the total and the facets), and the records after that piece when the page was read in pieces. */
export interface RecordsPage { plan: SearchPlan; result: SearchResult; more?: LaterPieces<RecordHit> }

/**
 * Records search, stage by stage: resolve the dataset → plan → compile → Elasticsearch → read.
 * A page of more than `pieceRows` records is read in pieces (src/execute/searchInPieces.ts). With
 * `shapesAsText` (its writer splices them), the records keep their shapes as stored text.
 */
export async function runRecordsSearch(deps: Deps, access: Access, req: RecordsSearchRequest, now: number, pieceRows: number, shapesAsText = false): Promise<RecordsPage> {
  const target = await resolveDataset(deps, access, req.dataset);
  const plan = planRecordsSearch(req, target, now);
  const { first, rest } = await searchInPieces<RecordHit>(deps, compileSearch(plan), pieceRows, { countsApart: countsApartFor(target.row.recordsCount) });
  return { plan, result: readSearchResult(plan, first, shapesAsText), ...(rest ? { more: { pieces: recordPieces(rest.pieces, shapesAsText), release: rest.release } } : {}) };
}
