import type { Access } from '../auth/access';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { resolveDataset } from './resolveDataset';
import { withIndexKeys } from './withIndexKeys';
import { searchInPieces, type LaterPieces } from '../execute/searchInPieces';
import { countsApartFor } from '../execute/splitSearch';
import type { RecordsSearchRequest } from '../model/recordsRequest';
import { planRecordsSearch, readingWritten } from '../plan/planRecordsSearch';
import type { SearchPlan } from '../model/searchPlan';
import { allWritten, readSearchResult, recordPieces, writtenPieces } from '../results/readSearchResult';
import { type RecordHit, type SearchResult, WRITTEN_RECORD, type WrittenRecord } from '../model/searchResult';

/**
 * A records page: its plan, its first piece (with the total and the facets), and the records after
 * that piece when the page was read in pieces: as records (`more`), or kept written (`moreWritten`,
 * after a first piece read written, `result.written`).
 */
export interface RecordsPage { plan: SearchPlan; result: SearchResult; more?: LaterPieces<RecordHit>; moreWritten?: LaterPieces<WrittenRecord> }

/**
 * How the page's writer takes records: kept written (each its ODS JSON's bytes, for compact ODS
 * JSON and GeoJSON), with shapes as their JSON text (a writer that splices them), or parsed.
 */
export type RecordsReading = 'written' | 'text' | 'parsed';

/** The plan a page first tries: reading records written when its writer takes them so. */
export const planReading = (planned: SearchPlan, reading: RecordsReading): SearchPlan =>
  (reading === 'written' ? readingWritten(planned) : planned);

/**
 * Records search, stage by stage: resolve the dataset → plan → compile → Elasticsearch → read.
 * A page of more than `pieceRows` records is read in pieces (src/execute/searchInPieces.ts). A
 * page whose writer takes records written, and which shows them as written (every field, the zone
 * they were written in), reads them so, its pieces too; an index built before records were kept
 * written (until the server has rebuilt it) is then searched again from `_source`.
 */
export async function runRecordsSearch(deps: Deps, access: Access, req: RecordsSearchRequest, now: number, pieceRows: number, reading: RecordsReading = 'parsed'): Promise<RecordsPage> {
  const target = await resolveDataset(deps, access, req.dataset);
  const planned = await withIndexKeys(deps, planRecordsSearch(req, target, now));
  const options = { countsApart: countsApartFor(target.row.recordsCount) };
  const written = planReading(planned, reading);
  if (written.written) {
    const { first, rest } = await searchInPieces<RecordHit>(deps, compileSearch(written), pieceRows, { ...options, written: WRITTEN_RECORD.field });
    // One snapshot holds one index version: its later pieces are written as its first is.
    if (allWritten(first)) return { plan: written, result: readSearchResult(written, first), ...(rest ? { moreWritten: { pieces: writtenPieces(rest.pieces), release: rest.release } } : {}) };
    await rest?.release();
  }
  const shapesAsText = reading !== 'parsed';
  const { first, rest } = await searchInPieces<RecordHit>(deps, compileSearch(planned), pieceRows, options);
  return { plan: planned, result: readSearchResult(planned, first, shapesAsText), ...(rest ? { more: { pieces: recordPieces(rest.pieces, shapesAsText), release: rest.release } } : {}) };
}
