import { Router } from 'express';
import { z } from 'zod';
import { catalogDocument } from '../../catalog/catalogDocument';
import { compileSearch } from '../../compile/compileSearch';
import { resolveDomain, visibleDataset } from '../../usecases/resolveDataset';
import type { Deps } from '../../execute/deps';
import { readFacetGroup } from '../../results/readFacetGroup';
import { catalogAlias } from '../../schema/indexNames';
import { catalogSearchParams } from './catalogSearchParams';
import { booleanParam, callbackParam, datasetRef } from '../shared/commonParams';
import { planCatalogSearch } from '../../plan/planCatalogSearch';
import { datasetObject } from '../../render/datasetObject';
import { CatalogHit } from '../../model/dataset';
import { jsonText } from '../../render/jsonText';
import { renderCatalogSearch } from './renderCatalogSearch';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { getOrPost } from '../shared/routeMethods';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { requireCallback } from '../shared/requireCallback';
import { jsonAnswer } from '../../render/jsonAnswer';

const lookupScalars = z.object({ format: z.enum(['json', 'jsonp'], 'must be json or jsonp').default('json'), callback: callbackParam.optional(), pretty_print: booleanParam.default(false), extrametas: booleanParam.default(false), interopmetas: booleanParam.default(false) });

/** ODS v1 catalog search and dataset lookup (reference/ods-v1.md §1.1–§1.2), as an anonymous caller of the route's domain sees them. */
export function catalogRouter(deps: Deps, clock: () => number): Router {
  const router = Router();
  const search = ['/api/datasets/1.0/search', '/d4c/api/datasets/1.0/search', '/:domain/api2/datasets/search', '/d4c/:domain/api2/datasets/search'];
  router.all(search, getOrPost, async (req, res) => {
    const params = requestParams(req);
    const request = catalogSearchParams(params);
    guardJsonp(req, request.format, params.raw.has('apikey'));
    const access = routeAccess(req);
    const scope = await resolveDomain(deps, access.domain);
    const plan = planCatalogSearch(request, scope, access, catalogAlias(deps.indexPrefix), clock());
    const result = await deps.es.search<CatalogHit>(compileSearch(plan));
    const total = result.hits.total;
    const groups = plan.facets.length ? plan.facets.map((f, i) => readFacetGroup(f, i, (result.aggregations ?? {}) as Record<string, unknown>)) : undefined;
    send(res, renderCatalogSearch(typeof total === 'number' ? total : total?.value ?? 0, result.hits.hits.map((h) => h._source!), groups, request));
  });
  const lookup = ['/api/datasets/1.0/:datasetid', '/d4c/api/datasets/1.0/:datasetid', '/:domain/api2/datasets/:datasetid', '/d4c/:domain/api2/datasets/:datasetid'];
  router.all(lookup, getOrPost, async (req, res) => {
    const params = requestParams(req);
    const s = params.scalars(lookupScalars, Object.keys(lookupScalars.shape));
    requireCallback(s.format, s.callback);
    guardJsonp(req, s.format, params.raw.has('apikey'));
    const ref = datasetRef(String(req.params.datasetid), 'datasetid');
    const dataset = await visibleDataset(deps, routeAccess(req), ref, { needsRecords: false });
    const json = jsonText(datasetObject(catalogDocument(dataset), s, ref.domain ? `${ref.id}@${ref.domain}` : ref.id), s.pretty_print);
    send(res, jsonAnswer(json, s));
  });
  return router;
}
