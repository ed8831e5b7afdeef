import type { Access } from '../auth/access';
import { compileScan } from '../compile/compileScan';
import type { Deps } from '../execute/deps';
import { exportRecords } from '../execute/exportRecords';
import type { DownloadRequest } from '../model/recordsRequest';
import type { ExportPlan } from '../model/searchPlan';
import type { RecordHit } from '../model/searchResult';
import { planExport } from '../plan/planExport';
import { resolveDataset } from './resolveDataset';

/**
 * A download: resolve the dataset → plan → compile the scan. The pages are read only as the
 * caller iterates them (one point-in-time snapshot, closed when the iteration ends); shapes come
 * as their JSON text when `shapesAsText` (for a writer of text), else parsed.
 */
export async function runExport(deps: Deps, access: Access, req: DownloadRequest, now: number, pageSize: number, shapesAsText: boolean): Promise<{ plan: ExportPlan; pages: AsyncGenerator<RecordHit[]> }> {
  const target = await resolveDataset(deps, access, req.dataset);
  const plan = planExport(req, target, now);
  return { plan, pages: exportRecords(deps, compileScan(plan), pageSize, shapesAsText) };
}
