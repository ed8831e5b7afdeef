import { AppError } from '../errors/catalogue';
import type { DownloadRequest } from '../model/recordsRequest';
import { selectedFields } from './planRecordsSearch';
import { DatasetTarget } from '../model/dataset';
import { planRecordsFilter } from './planRecordsFilter';
import { planSort } from './planSort';
import { isGeo } from '../model/querySchema';
import type { ExportPlan } from '../model/searchPlan';

export function planExport(req: DownloadRequest, target: DatasetTarget, now: number): ExportPlan {
  if (req.output.format.startsWith('geojson') && !target.schema.some((f) => isGeo(f.type))) {
    throw new AppError('bad_parameter', `Dataset ${target.datasetId} has no geographic field: format ${req.output.format} is not available.`, { parameter: 'format' });
  }
  return {
    index: target.index, datasetId: target.datasetId, schema: target.schema, timeZone: req.timeZone,
    query: planRecordsFilter(target.schema, req, now),
    sort: planSort(target.schema, req.sort),
    fields: selectedFields(target.schema, req.fields),
    limit: req.rows,
  };
}
