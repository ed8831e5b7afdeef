import type { Access } from '../auth/access';
import { compileFeaturesPage } from '../compile/compileFeaturesPage';
import type { Deps } from '../execute/deps';
import { orderedPages, type PageReader } from '../execute/orderedPages';
import { searchIndex } from '../execute/searchIndex';
import { countsApartFor } from '../execute/splitSearch';
import type { FeaturesRequest } from '../model/featuresRequest';
import type { SearchPlan } from '../model/searchPlan';
import type { RecordHit } from '../model/searchResult';
import { planFeatures } from '../plan/planFeatures';
import { readSearchResult, recordAsStored, recordOfHit } from '../results/readSearchResult';
import type { RecordsPage } from './runRecordsSearch';
import { resolveDataset } from './resolveDataset';

/**
 * The records of a page after its first piece, `pieceRows` at a time, each piece a search after
 * the last record id of the one before (no snapshot to keep: the record id order is total). The
 * next piece is asked for as soon as one comes back, so that Elasticsearch reads it while this
 * one is written (orderedPages).
 */
function laterPieces(deps: Deps, plan: SearchPlan, after: string, left: number, pieceRows: number, shapesAsText: boolean): AsyncGenerator<RecordHit[]> {
  const read: PageReader = async (size, from) => {
    const res = await searchIndex<RecordHit>(deps, { ...compileFeaturesPage({ ...plan, rows: size }, String(from?.[0])), track_total_hits: false });
    const records = res.hits.hits.map(shapesAsText ? recordAsStored : recordOfHit);
    return { records, ...(records.length === size ? { after: [records[records.length - 1].recordid] } : {}) };
  };
  return orderedPages(read, pieceRows, left, [after]);
}

/**
 * A page of OGC features: resolve the dataset (the caller's visibility) → plan → compile with
 * `search_after` → Elasticsearch. A page of more than `pieceRows` records is read in pieces, the
 * first with the exact total, so that no single answer has to be held whole. On a large dataset
 * the total is counted by a search of its own (`countsApartFor`, src/execute/splitSearch.ts),
 * unless the page has no filter: Elasticsearch then reads it from its statistics.
 * With `shapesAsText` (its writer splices them), the records keep their shapes as stored text.
 */
export async function runFeaturesPage(deps: Deps, access: Access, req: FeaturesRequest, now: number, pieceRows: number, shapesAsText = false): Promise<RecordsPage> {
  const target = await resolveDataset(deps, access, req.dataset);
  const plan = planFeatures(req, target, now);
  const firstRows = Math.min(plan.rows, pieceRows);
  const options = { countsApart: countsApartFor(target.row.recordsCount) };
  const result = readSearchResult(plan, await searchIndex<RecordHit>(deps, compileFeaturesPage({ ...plan, rows: firstRows }, req.after), options), shapesAsText);
  const left = plan.rows - firstRows;
  if (left === 0 || result.records.length < firstRows) return { plan, result };
  const pieces = laterPieces(deps, plan, result.records[result.records.length - 1].recordid, left, pieceRows, shapesAsText);
  return { plan, result, more: { pieces, release: async () => { await pieces.return(undefined); } } };
}
