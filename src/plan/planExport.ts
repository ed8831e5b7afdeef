import { AppError } from '../errors/catalogue';
import type { DownloadRequest } from '../model/recordsRequest';
import { selectedFields } from './planRecordsSearch';
import { DatasetTarget } from '../model/dataset';
import { planRecordsFilter } from './planRecordsFilter';
import { planSort } from './planSort';
import { isGeo } from '../model/querySchema';
import type { ExportPlan } from '../model/searchPlan';
import { WRITTEN_RECORD } from '../model/searchResult';

/**
 * A download → its plan. With `written` (a format that writes ODS records as JSON, or GeoJSON), the plan reads
 * each record as its index keeps it written when that is what the request shows: every field, and
 * instants in the zone they were written in.
 */
export function planExport(req: DownloadRequest, target: DatasetTarget, now: number, written = false): ExportPlan {
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
    ...(written && fields === undefined && req.timeZone === WRITTEN_RECORD.timeZone ? { written: true } : {}),
  };
}
