import type { DatasetTarget } from '../model/dataset';
import type { FeaturesRequest } from '../model/featuresRequest';
import { isGeo } from '../model/querySchema';
import type { SearchPlan } from '../model/searchPlan';
import { AppError } from '../errors/catalogue';
import { allOf } from './combine';
import { planDatetime } from './planDatetime';
import { planRecordsSearch } from './planRecordsSearch';

/**
 * An OGC items request over a resolved dataset → a records search plan: the records filters as
 * for ODS (property filters are refines, so only facet fields take them), the datetime range,
 * no facets, and the record id order alone (planSort's tiebreaker), which `search_after` pages by.
 */
export function planFeatures(req: FeaturesRequest, target: DatasetTarget, now: number): SearchPlan {
  if (!target.schema.some((f) => isGeo(f.type))) throw new AppError('not_found', `Unknown collection: ${target.datasetId}`, { parameter: 'collectionId' });
  const plan = planRecordsSearch({
    ...req, facets: [], disjunctive: new Set(), facetsort: new Map(), sort: [], rows: req.limit, start: 0,
    output: { format: 'geojson', prettyPrint: false, csvSeparator: ',', withBom: false, useLabelsForHeader: false }, echo: {},
  }, target, now);
  return req.datetime === undefined ? plan : { ...plan, query: allOf([plan.query, planDatetime(target.schema, req.datetime)]) };
}
