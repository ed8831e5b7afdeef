import { RequestHandler, Router } from 'express';
import type { Metrics } from '../../execute/metrics';
import { withCallbackFormat } from '../shared/callbackFormat';
import type { Deps } from '../../execute/deps';
import { recordsSearchParams } from './recordsSearchParams';
import { renderRecordsSearch } from './renderRecordsSearch';
import { runRecordsSearch } from '../../usecases/runRecordsSearch';
import { analyzeHandler } from './analyzeHandler';
import { downloadHandler } from './downloadHandler';
import { geoHandlers } from './geoHandlers';
import { guardJsonp } from '../shared/guardJsonp';
import { recordLookupHandler } from './recordLookupHandler';
import { requestParams } from '../shared/requestParams';
import { getOrPost } from '../shared/routeMethods';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { downloadBeside, sendInPieces, type PageLimits } from '../shared/sendInPieces';
import { recordsReading, recordsSearchPieces, writtenSearchPieces } from './recordsSearchPieces';
import { recordsFeedContext } from './recordsFeedContext';

/** ODS v1 records endpoints under `/api`, `/d4c/api` and `/<domain>/api2` (SPEC §2). */
export function odsRecordsRouter(deps: Deps, clock: () => number, exportPageSize: number, pages: PageLimits, metrics?: Metrics): Router {
  const router = Router();
  const search = (d4c: boolean): RequestHandler => async (req, res) => {
    const params = requestParams(req);
    const request = recordsSearchParams(d4c ? withCallbackFormat(params) : params);
    guardJsonp(req, request.output.format, params.raw.has('apikey'));
    const { plan, result, more, moreWritten } = await runRecordsSearch(deps, routeAccess(req), request, clock(), pages.pieceRows, recordsReading(request.output));
    // Built only for a feed (format=rss|atom): every other search skips it.
    const feed = () => recordsFeedContext(req, plan.datasetId, result.records, clock());
    const items = Math.min(plan.rows, result.nhits - plan.start);
    const budget = { maxBytes: pages.maxBytes, downloadPath: downloadBeside(req.path) };
    if (moreWritten && result.written) return sendInPieces(res, writtenSearchPieces(result, plan, request.output, request.echo), result.written, moreWritten, items, budget);
    if (!more) return send(res, renderRecordsSearch(result, plan, request.output, request.echo, feed));
    await sendInPieces(res, recordsSearchPieces(result, plan, request.output, request.echo, feed), result.records, more, items, budget);
  };
  router.all(['/api/records/1.0/search', '/d4c/api/records/1.0/search'], getOrPost, search(false));
  // data4citizen's documented api2 route: a callback alone asks for JSONP.
  router.all(['/:domain/api2/records/search', '/d4c/:domain/api2/records/search'], getOrPost, search(true));
  const download = ['/api/records/1.0/download', '/d4c/api/records/1.0/download', '/:domain/api2/records/download', '/d4c/:domain/api2/records/download'];
  router.all(download, getOrPost, downloadHandler(deps, clock, exportPageSize, metrics));
  const under = (name: string) => [`/api/records/1.0/${name}`, `/d4c/api/records/1.0/${name}`, `/:domain/api2/records/${name}`, `/d4c/:domain/api2/records/${name}`];
  router.all(under('analyze'), getOrPost, analyzeHandler(deps, clock));
  const geo = geoHandlers(deps, clock, pages);
  for (const name of ['geocluster', 'boundingbox', 'geopreview'] as const) router.all(under(name), getOrPost, geo[name]);
  const lookup = ['/api/datasets/1.0/:datasetid/records/:recordid', '/d4c/api/datasets/1.0/:datasetid/records/:recordid', '/:domain/api2/datasets/:datasetid/records/:recordid'];
  router.all(lookup, getOrPost, recordLookupHandler(deps));
  return router;
}
