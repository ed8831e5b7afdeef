import type { Access } from '../auth/access';
import { compileBoundingBox } from '../compile/compileGeo';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { BoundingBox } from '../model/geo';
import type { GeoRequest } from '../model/recordsRequest';
import { planGeo } from '../plan/planGeo';
import { readBoundingBox } from '../results/readGeo';
import { resolveDataset } from './resolveDataset';

/** boundingbox: the box around the matching records' points and their geometry types (reference/ods-v1.md §2.7). */
export async function runBoundingBox(deps: Deps, access: Access, req: GeoRequest, now: number): Promise<BoundingBox> {
  const plan = planGeo(req, await resolveDataset(deps, access, req.dataset), now);
  return readBoundingBox(await searchIndex(deps, compileBoundingBox(plan)));
}
