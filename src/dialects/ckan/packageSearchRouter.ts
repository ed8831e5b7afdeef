import { RequestHandler, Router } from 'express';
import type { Deps } from '../../execute/deps';
import { runPackageSearch } from '../../usecases/runPackageSearch';
import { packageSearchParams } from './packageSearchParams';
import { renderPackageSearch } from './renderPackageSearch';
import { routeAccess } from '../shared/routeAccess';
import { ckanHelp } from './ckanHelp';
import { guardJsonp } from '../shared/guardJsonp';
import { requestParams } from '../shared/requestParams';
import { getOrPost } from '../shared/routeMethods';
import { send } from '../shared/send';

/** A JSON body's `facet.field` is a list, read as CKAN reads the JSON text of one. */
const JSON_LISTS = new Set(['facet.field']);

/**
 * CKAN `package_search` (`/api/3/action/…`, `/api/action/…`) and data4citizen's
 * `/api/datasets/2.0/search` (parameters also after the last slash): the catalog of the default
 * domain, or of `<domain>` under `/<domain>/api/…` (a CKAN client's base URL), as the caller may see it.
 */
export function packageSearchRouter(deps: Deps, clock: () => number): Router {
  const router = Router();
  const search = (d4c: boolean): RequestHandler => async (req, res) => {
    const params = requestParams(req, undefined, JSON_LISTS);
    const request = packageSearchParams(params);
    guardJsonp(req, request.ods.format, params.raw.has('apikey'));
    const result = await runPackageSearch(deps, routeAccess(req), request, { flavour: d4c ? 'd4c' : 'ckan', organizations: d4c, now: clock() });
    send(res, renderPackageSearch(result, request, d4c ? { kind: 'd4c' } : { kind: 'action', help: ckanHelp(req, 'package_search') }));
  };
  router.all(['/api/3/action/package_search{/:params}', '/api/action/package_search{/:params}', '/d4c/api/3/action/package_search{/:params}',
    '/:domain/api/3/action/package_search{/:params}', '/:domain/api/action/package_search{/:params}'], getOrPost, search(false));
  router.all(['/api/datasets/2.0/search{/:params}', '/d4c/api/datasets/2.0/search{/:params}', '/:domain/api/datasets/2.0/search{/:params}'], getOrPost, search(true));
  return router;
}
