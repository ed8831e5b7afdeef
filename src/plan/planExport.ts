import { AppError } from '../errors/catalogue';
import type { DownloadRequest } from '../params/downloadParams';
import { allFilters } from '../facets/facetAggregations';
import { planFacets } from './planFacets';
import { DatasetTarget, selectedFields } from './planRecordsSearch';
import { planRecordsQuery } from './planRecordsFilter';
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
  const { filters } = planFacets(target.schema, { ...req, facets: [], disjunctive: new Set(), facetsort: new Map() });
  const q = planRecordsQuery(target.schema, req, now);
  const f = allFilters(filters);
  return {
    index: target.index, datasetId: target.datasetId, schema: target.schema, timeZone: req.timeZone,
    query: f.kind === 'all' ? q : q.kind === 'all' ? f : { kind: 'and', clauses: [q, f] },
    sort: planSort(target.schema, req.sort),
    fields: selectedFields(target.schema, req.fields),
    limit: req.rows,
  };
}
