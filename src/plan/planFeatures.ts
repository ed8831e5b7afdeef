import type { DatasetTarget } from '../model/dataset';
import type { FeaturesRequest } from '../model/featuresRequest';
import { isGeo } from '../model/querySchema';
import type { SearchPlan } from '../model/searchPlan';
import { AppError } from '../errors/catalogue';
import { allOf } from './combine';
import { recordQuerySchema } from '../schema/recordQuerySchema';
import { planCql2 } from './cql2/planCql2';
import { planDatetime } from './planDatetime';
import { readingQuery } from './planQueries';
import { planRecordsSearch } from './planRecordsSearch';

/**
 * An OGC items request over a resolved dataset → a records search plan: the records filters as
 * for ODS (property filters are refines, so only facet fields take them), the datetime range,
 * the CQL2 filter (a `bad_query` 400 with its position when refused), no facets, and the record id order alone (planSort's tiebreaker), which `search_after` pages by.
 */
export function planFeatures(req: FeaturesRequest, target: DatasetTarget, now: number): SearchPlan {
  if (!target.schema.some((f) => isGeo(f.type))) throw new AppError('not_found', `Unknown collection: ${target.datasetId}`, { parameter: 'collectionId' });
  const plan = planRecordsSearch({
    ...req, facets: [], disjunctive: new Set(), facetsort: new Map(), sort: [], rows: req.limit, start: 0, output: { format: 'geojson' },
  }, target, now);
  const filter = req.filter;
  const cql2 = filter === undefined ? [] : [readingQuery('filter', () => planCql2(filter.text, { schema: recordQuerySchema(target.schema), timeZone: 'UTC', crs: filter.crs }))];
  const time = req.datetime === undefined ? [] : [planDatetime(target.schema, req.datetime)];
  return { ...plan, query: allOf([plan.query, ...cql2, ...time]) };
}
