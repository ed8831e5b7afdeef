import { AppError } from '../errors/catalogue';
import type { DownloadRequest } from '../model/recordsRequest';
import { selectedFields } from './planRecordsSearch';
import { DatasetTarget } from '../model/dataset';
import { planRecordsFilter } from './planRecordsFilter';
import { planSort } from './planSort';
import { isGeo } from '../model/querySchema';
import type { ExportPlan } from '../model/searchPlan';
import { WRITTEN_CSV, WRITTEN_RECORD, type WrittenField } from '../model/searchResult';

/**
 * A download → its plan. With `written` (the field a format can send as its index keeps it: ODS
 * records as JSON or GeoJSON features, or CSV lines), the plan reads each record from that field
 * when that is what the request shows: every field, instants in the zone they were written in,
 * and for CSV the separator they were written with.
 */
export function planExport(req: DownloadRequest, target: DatasetTarget, now: number, written?: WrittenField): ExportPlan {
  if (req.output.format.startsWith('geojson') && !target.schema.some((f) => isGeo(f.type))) {
    throw new AppError('bad_parameter', `Dataset ${target.datasetId} has no geographic field: format ${req.output.format} is not available.`, { parameter: 'format' });
  }
  const fields = selectedFields(target.schema, req.fields);
  return {
    index: target.index, datasetId: target.datasetId, schema: target.schema, timeZone: req.timeZone,
    query: planRecordsFilter(target.schema, req, now),
    sort: planSort(target.schema, req.sort),
    fields,
    limit: req.rows,
    ...(written !== undefined && fields === undefined && showsWritten(req, written) ? { written } : {}),
  };
}

/** Whether a download of every field shows its records as the field keeps them written. */
function showsWritten(req: DownloadRequest, written: WrittenField): boolean {
  if (written === WRITTEN_CSV.field) return req.timeZone === WRITTEN_CSV.timeZone && req.output.csvSeparator === WRITTEN_CSV.separator;
  return req.timeZone === WRITTEN_RECORD.timeZone;
}
