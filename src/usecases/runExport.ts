import type { Access } from '../auth/access';
import { compileScan } from '../compile/compileScan';
import type { Deps } from '../execute/deps';
import { exportRecords, scanPages } from '../execute/exportRecords';
import { searchBytes } from '../execute/searchBytes';
import { liveIndexFormat } from '../execute/liveIndexFormat';
import { RECORDS_FORMAT } from '../index/recordsFormat';
import type { DownloadRequest } from '../model/recordsRequest';
import type { ExportPlan } from '../model/searchPlan';
import type { RecordHit, WrittenField, WrittenRecord } from '../model/searchResult';
import { planExport } from '../plan/planExport';
import { writtenHits, writtenHitsOf } from '../results/writtenHits';
import { resolveDataset } from './resolveDataset';

/**
 * How a download's writer takes records: kept written in a field (for a format that sends them as
 * they are: their ODS JSON or GeoJSON feature, their CSV line), with shapes as their JSON text (a
 * writer of text), or parsed.
 */
export type ExportReading = { written: WrittenField } | 'text' | 'parsed';

/** A download's pages: records, or records kept written (when the plan could read them so). */
export type ExportPages = { records: AsyncGenerator<RecordHit[]> } | { written: AsyncGenerator<WrittenRecord[]> };

/**
 * A download: resolve the dataset → plan → compile the scan. The pages are read only as the
 * caller iterates them (one point-in-time snapshot, closed when the iteration ends). Records are
 * read kept written when the writer takes them so, the request shows them as written (every
 * field, the zone and CSV separator they were written with) and the live index is of this version's format (an older
 * one keeps none, until the server has rebuilt it).
 */
export async function runExport(deps: Deps, access: Access, req: DownloadRequest, now: number, pageSize: number, reading: ExportReading): Promise<{ plan: ExportPlan; pages: ExportPages }> {
  const target = await resolveDataset(deps, access, req.dataset);
  let plan = planExport(req, target, now, typeof reading === 'object' ? reading.written : undefined);
  if (plan.written && (await liveIndexFormat(deps.es, target.index)) !== RECORDS_FORMAT) plan = planExport(req, target, now);
  const scan = compileScan(plan);
  const field = plan.written;
  if (field) {
    // Each page read from the answer's bytes; one of another shape (an error, a hit without the field) is searched again and parsed.
    const written = scanPages(deps, scan, pageSize, async (body) => {
      const bytes = await searchBytes(deps.es, body);
      return (bytes && writtenHits(bytes, field)) ?? writtenHitsOf(await deps.es.search(body), field);
    });
    return { plan, pages: { written } };
  }
  return { plan, pages: { records: exportRecords(deps, scan, pageSize, reading !== 'parsed') } };
}
