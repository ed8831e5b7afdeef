import { RequestHandler, Router } from 'express';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import { jsonText } from '../../text/jsonText';
import { d4cPackage } from '../../catalog/d4cPackage';
import { packageDict } from '../../catalog/packageDict';
import { routeAccess } from '../shared/routeAccess';
import { ckanHelp } from './ckanHelp';
import { requestParams } from '../shared/requestParams';
import { getOrPost } from '../shared/routeMethods';
import { send } from '../shared/send';
import { runDatasetLookup } from '../../usecases/runDatasetLookup';
import { JSON_TYPE } from '../../render/jsonAnswer';

const envelope = (help: string | undefined, result: unknown) => ({ ...(help ? { help } : {}), success: true, result });

/**
 * CKAN `package_show` (`/api/3/action/…`, `/api/action/…`, and d4c's `/api/datasets/2.0/DATASETID/id=…`
 * and `/api/datasets/2.0/<id>`, in d4c's flavour) and `status_show`. An anonymous caller gets the same 404 for a
 * private or draft dataset as for a missing one.
 */
export function ckanPackageRouter(deps: Deps): Router {
  const router = Router();
  const show = (withHelp: boolean): RequestHandler => async (req, res, next) => {
    const params = requestParams(req);
    const fromPath = (req.params as Record<string, string | undefined>).id;
    if (fromPath === 'search') { next(); return; }
    const id = fromPath ?? params.one('id') ?? params.one('name_or_id');
    if (!id) throw new AppError('bad_parameter', 'Missing value', { parameter: 'name_or_id' });
    const hit = await runDatasetLookup(deps, routeAccess(req), { id: id.slice(0, 200) }, new AppError('not_found', 'Not found'));
    send(res, { contentType: JSON_TYPE, body: jsonText(envelope(withHelp ? ckanHelp(req, 'package_show') : undefined, (withHelp ? packageDict : d4cPackage)(hit)), false) });
  };
  router.all(['/api/3/action/package_show{/:params}', '/api/action/package_show{/:params}', '/d4c/api/3/action/package_show{/:params}',
    '/:domain/api/3/action/package_show{/:params}', '/:domain/api/action/package_show{/:params}'], getOrPost, show(true));
  router.all(['/api/datasets/2.0/DATASETID{/:params}', '/d4c/api/datasets/2.0/DATASETID{/:params}', '/:domain/api/datasets/2.0/DATASETID{/:params}'], getOrPost, show(false));
  router.all(['/api/datasets/2.0/:id', '/d4c/api/datasets/2.0/:id', '/:domain/api/datasets/2.0/:id'], getOrPost, show(false));
  router.all(['/api/3/action/status_show', '/api/action/status_show', '/:domain/api/3/action/status_show', '/:domain/api/action/status_show'], getOrPost, (req, res) => {
    const site = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const result = { ckan_version: '2.10.0', site_title: 'portal-search', site_description: '', site_url: site, locale_default: 'fr', extensions: ['datastore'] };
    send(res, { contentType: JSON_TYPE, body: jsonText(envelope(ckanHelp(req, 'status_show'), result), false) });
  });
  return router;
}
