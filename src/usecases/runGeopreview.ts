import type { Access } from '../auth/access';
import { compileGeopreview } from '../compile/compileGeo';
import type { Deps } from '../execute/deps';
import { searchInPieces, type LaterPieces } from '../execute/searchInPieces';
import type { PreviewItem } from '../model/geo';
import type { GeoRequest } from '../model/recordsRequest';
import { planGeo } from '../plan/planGeo';
import { previewPieces, readGeopreview } from '../results/readGeo';
import { totalHits } from '../results/totalHits';
import type { RecordHit } from '../model/searchResult';
import { resolveDataset } from './resolveDataset';

/** A geopreview page: its first piece, how many records the page holds, and the pieces after the first when it was read in pieces. */
export interface PreviewPage { items: PreviewItem[]; records: number; more?: LaterPieces<PreviewItem> }

/**
 * geopreview: the geometries of the first `rows` matching records (reference/ods-v1.md §1.8),
 * shapes simplified to a pixel at `clusterprecision`. More than `pieceRows` records are read in pieces.
 */
export async function runGeopreview(deps: Deps, access: Access, req: GeoRequest, now: number, pieceRows: number): Promise<PreviewPage> {
  const target = await resolveDataset(deps, access, req.dataset);
  const plan = planGeo(req, target, now);
  const shape = target.schema.find((f) => f.name === plan.geoField && f.type === 'geo_shape')?.name;
  const { first, rest } = await searchInPieces<RecordHit>(deps, compileGeopreview(plan, shape, req.rows), pieceRows);
  const items = readGeopreview(first, shape, req.clusterprecision);
  const records = Math.min(req.rows, totalHits(first));
  return { items, records, ...(rest ? { more: { pieces: previewPieces(rest.pieces, shape, req.clusterprecision), release: rest.release } } : {}) };
}
