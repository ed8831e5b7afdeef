import { AppError } from '../errors/catalogue';
import type { DownloadRequest } from '../params/downloadParams';
import { DatasetTarget, selectedFields } from './planRecordsSearch';
import { planRecordsFilter } from './planRecordsFilter';
import { planSort } from './planSort';
import { isGeo } from './querySchema';
import type { SearchPlan } from './searchPlan';
import type { Predicate } from './predicate';

/** An export: one query (q, geofilters, refines, excludes), a total order, the fields, a cap. */
export type ExportPlan = Pick<SearchPlan, 'index' | 'datasetId' | 'schema' | 'sort' | 'fields' | 'timeZone'> & { query: Predicate; limit?: number };

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
