import type { Access } from '../auth/access';
import { compileGeopreview } from '../compile/compileGeo';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { PreviewItem } from '../model/geo';
import type { GeoRequest } from '../model/recordsRequest';
import { planGeo } from '../plan/planGeo';
import { readGeopreview } from '../results/readGeo';
import { resolveDataset } from './resolveDataset';

/** geopreview: the geometries of the first `rows` matching records (reference/ods-v1.md §1.8), shapes simplified to a pixel at `clusterprecision`. */
export async function runGeopreview(deps: Deps, access: Access, req: GeoRequest, now: number): Promise<PreviewItem[]> {
  const target = await resolveDataset(deps, access, req.dataset);
  const plan = planGeo(req, target, now);
  const shape = target.schema.find((f) => f.name === plan.geoField && f.type === 'geo_shape')?.name;
  return readGeopreview(await searchIndex(deps, compileGeopreview(plan, shape, req.rows)), shape, req.clusterprecision);
}
