import { RequestHandler, Router } from 'express';
import type { Deps } from '../../execute/deps';
import { datastoreParams, DATASTORE_JSON_OBJECTS } from './datastoreParams';
import { datastoreSplicesShapes, renderDatastore } from './renderDatastore';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { getOrPost } from '../shared/routeMethods';
import { routeAccess } from '../shared/routeAccess';
import { send } from '../shared/send';
import { runDatastoreSearch } from '../../usecases/runDatastoreSearch';
import { linkPath } from './datastoreLinks';
import { checkTableMetadataFormat, renderTableMetadata } from './renderTableMetadata';
import { runTableMetadata } from '../../usecases/runTableMetadata';
import { withCallbackFormat } from '../shared/callbackFormat';
import { sendInPieces, type PageLimits } from '../shared/sendInPieces';
import { datastorePieces } from './datastorePieces';

/**
 * CKAN `datastore_search` (`/api/3/action/…`, `/api/action/…`) and d4c's `/api/records/2.0/search`,
 * which also speaks the ODS-style parameters of the portal front-ends (SPEC §2). Parameters may
 * follow the last slash of the path, d4c-style. `resource_id=_table_metadata` lists the tables.
 */
export function datastoreRouter(deps: Deps, clock: () => number, pages: PageLimits): Router {
  const router = Router();
  const d4c = ['/api/records/2.0/search{/:params}', '/d4c/api/records/2.0/search{/:params}', '/:domain/api/records/2.0/search{/:params}'];
  const actions = ['/api/3/action/datastore_search{/:params}', '/api/action/datastore_search{/:params}', '/d4c/api/3/action/datastore_search{/:params}',
    '/:domain/api/3/action/datastore_search{/:params}', '/:domain/api/action/datastore_search{/:params}'];
  const handler = (help: boolean): RequestHandler => async (req, res) => {
    const params = requestParams(req, DATASTORE_JSON_OBJECTS);
    // d4c documents JSONP by a callback alone; CKAN's action API keeps its own parameters.
    const request = datastoreParams(help ? params : withCallbackFormat(params));
    guardJsonp(req, request.output.format, params.raw.has('apikey'));
    const action = help ? { site: `${req.protocol}://${req.get('host') ?? 'localhost'}`, links: { path: linkPath(req.originalUrl), params: params.raw } } : undefined;
    if (request.tableMetadata) {
      checkTableMetadataFormat(request);
      send(res, renderTableMetadata(await runTableMetadata(deps, routeAccess(req), request), request, action));
      return;
    }
    const { plan, result, more } = await runDatastoreSearch(deps, routeAccess(req), request, clock(), pages.pieceRows, datastoreSplicesShapes(request.output));
    if (!more) return send(res, renderDatastore(result, plan, request, action));
    const items = Math.min(plan.rows, result.nhits - plan.start);
    const domain = typeof req.params.domain === 'string' ? req.params.domain : undefined;
    const downloadPath = domain ? `/${domain}/api2/records/download` : '/api/records/1.0/download';
    await sendInPieces(res, datastorePieces(result, plan, request, action), result.records, more, items, { maxBytes: pages.maxBytes, downloadPath, parameter: 'limit' });
  };
  router.all(d4c, getOrPost, handler(false));
  router.all(actions, getOrPost, handler(true));
  return router;
}
