import { RequestHandler, Router, type Response } from 'express';
import type { CatalogSearchRequest } from '../../model/catalogRequest';
import type { PackageHit } from '../../model/dataset';
import type { LaterPieces } from '../../execute/searchInPieces';
import type { ExportWriter } from '../../render/formats/streamWriter';
import type { DatasetRef } from '../../model/recordsRequest';
import { withCallbackFormat } from '../shared/callbackFormat';
import type { ParamReader } from '../shared/paramReader';
import { z } from 'zod';
import type { Deps } from '../../execute/deps';
import { catalogSearchParams } from './catalogSearchParams';
import { booleanParam, callbackParam, datasetRef } from '../shared/commonParams';
import { datasetObject } from '../../catalog/datasetObject';
import { jsonText } from '../../text/jsonText';
import { renderCatalogEntries, renderCatalogPage } from './renderCatalogSearch';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { getOrPost } from '../shared/routeMethods';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { runCatalogEntries, runCatalogPage } from '../../usecases/runCatalogSearch';
import { catalogCsvWriter } from '../../render/catalogCsv';
import { catalogAtomWriter, catalogRssWriter } from '../../render/catalogFeed';
import { runDatasetLookup } from '../../usecases/runDatasetLookup';
import { requireCallback } from '../shared/requireCallback';
import { jsonAnswer } from '../../render/jsonAnswer';
import { catalogPagePieces } from '../../render/catalogPageJson';
import { sendInPieces, type PageLimits } from '../shared/sendInPieces';

/** The parameters of a dataset lookup as they are validated (the OpenAPI document is generated from them). */
export const DATASET_LOOKUP_SCALARS = z.object({ format: z.enum(['json', 'jsonp'], 'must be json or jsonp').default('json'), callback: callbackParam.optional(), pretty_print: booleanParam.default(false), extrametas: booleanParam.default(false), interopmetas: booleanParam.default(false) });

/** The dataset of d4c's `DATASETID` lookup: its `id` (or `datasetid`) parameter, which is required. */
const datasetIdParam = (params: ParamReader): DatasetRef => datasetRef(params.one('id') ?? params.one('datasetid'), 'id');

/** ODS v1 catalog search and dataset lookup (reference/ods-v1.md §1.1–§1.2), as an anonymous caller of the route's domain sees them. */
export function catalogRouter(deps: Deps, clock: () => number, pages: PageLimits): Router {
  const router = Router();
  /** A page read in pieces, sent as it is read; one over the byte budget points to the whole catalog's export. */
  const sendPieces = <T>(res: Response, writer: ExportWriter<T>, page: { nhits: number; hits: T[] }, more: LaterPieces<T>, request: CatalogSearchRequest): Promise<void> =>
    sendInPieces(res, writer, page.hits, more, Math.min(request.rows, page.nhits - request.start), { maxBytes: pages.maxBytes, downloadPath: '/api/v2/catalog/exports/dcat' });
  const search = ['/api/datasets/1.0/search', '/d4c/api/datasets/1.0/search', '/:domain/api2/datasets/search', '/d4c/:domain/api2/datasets/search'];
  router.all(search, getOrPost, async (req, res) => {
    const params = requestParams(req);
    const request = catalogSearchParams(params);
    guardJsonp(req, request.format, params.raw.has('apikey'));
    if (request.format === 'json' || request.format === 'jsonp') {
      const { more, ...page } = await runCatalogPage(deps, routeAccess(req), request, clock(), pages.pieceRows);
      if (!more) { send(res, renderCatalogPage({ ...page, parameters: request.echo }, request)); return; }
      // A large page goes out piece by piece, as it is read.
      await sendPieces(res, catalogPagePieces({ nhits: page.nhits, parameters: request.echo, ...(page.groups ? { groups: page.groups } : {}) }, request, request), page, more, request);
      return;
    }
    const site = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    // The feed names itself by the request's URL, without its key.
    const self = new URL(req.originalUrl, site);
    self.searchParams.delete('apikey');
    const feed = { self: self.toString(), site, datasetPath: req.path.replace(/search\/?$/, ''), title: `Datasets of ${routeAccess(req).domain}` };
    const { more, ...page } = await runCatalogEntries(deps, routeAccess(req), request, clock(), pages.pieceRows);
    if (!more) { send(res, renderCatalogEntries(page.hits, request, feed)); return; }
    const writer = request.format === 'rss' ? catalogRssWriter(feed) : request.format === 'atom' ? catalogAtomWriter(feed) : catalogCsvWriter();
    await sendPieces<PackageHit>(res, writer, page, more, request);
  });
  const lookup = (d4c: boolean): RequestHandler => async (req, res) => {
    const raw = requestParams(req);
    const params = d4c ? withCallbackFormat(raw) : raw;
    const s = params.scalars(DATASET_LOOKUP_SCALARS, Object.keys(DATASET_LOOKUP_SCALARS.shape));
    requireCallback(s.format, s.callback);
    guardJsonp(req, s.format, params.raw.has('apikey'));
    const ref = req.params.datasetid === undefined ? datasetIdParam(params) : datasetRef(String(req.params.datasetid), 'datasetid');
    const hit = await runDatasetLookup(deps, routeAccess(req), ref);
    const json = jsonText(datasetObject(hit, s, ref.domain ? `${ref.id}@${ref.domain}` : ref.id), s.pretty_print);
    send(res, jsonAnswer(json, s));
  };
  // data4citizen's documented form names the dataset in a parameter: `/<domain>/api2/datasets/DATASETID/id=<id>`.
  // Routes match regardless of case: a dataset named `datasetid` is looked up as itself.
  const literal: RequestHandler = (req, _res, next) => { next(/\/DATASETID(\/|$)/.test(req.path) ? undefined : 'route'); };
  router.all(['/:domain/api2/datasets/DATASETID{/:params}', '/d4c/:domain/api2/datasets/DATASETID{/:params}'], literal, getOrPost, lookup(true));
  router.all(['/api/datasets/1.0/:datasetid', '/d4c/api/datasets/1.0/:datasetid'], getOrPost, lookup(false));
  router.all(['/:domain/api2/datasets/:datasetid', '/d4c/:domain/api2/datasets/:datasetid'], getOrPost, lookup(true));
  return router;
}
