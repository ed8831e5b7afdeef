import { Router, type Request } from 'express';
import type { Deps } from '../../execute/deps';
import { dcatQuads, jsonld, turtle } from '../../render/dcatCatalog';
import { runCatalogSearch } from '../../usecases/runCatalogSearch';
import { ParamReader } from '../shared/paramReader';
import { routeAccess } from '../shared/routeAccess';
import { catalogSearchParams } from './catalogSearchParams';

/** The catalog export's paths: negotiated by `Accept`, or named by their extension. */
const PATHS = ['/api/v2/catalog/exports/dcat', '/api/v2/catalog/exports/dcat.ttl', '/api/v2/catalog/exports/dcat.jsonld'];

const TURTLE = 'text/turtle';
const JSON_LD = 'application/ld+json';

/** Turtle or JSON-LD: the extension decides, else `Accept` (Turtle when it names neither). */
function formatOf(req: Request): typeof TURTLE | typeof JSON_LD {
  if (req.path.endsWith('.ttl')) return TURTLE;
  if (req.path.endsWith('.jsonld')) return JSON_LD;
  return req.accepts([TURTLE, JSON_LD]) === JSON_LD ? JSON_LD : TURTLE;
}

/**
 * The catalog as DCAT-AP (for harvesters: the European data portal, CKAN's ckanext-dcat), under
 * the ODS v2 export path: the datasets the caller may see in the route's domain (at most 10,000),
 * in Turtle or JSON-LD.
 */
export function dcatRouter(deps: Deps, clock: () => number): Router {
  const router = Router();
  const domainPaths = PATHS.map((p) => `/:domain${p}`);
  router.get([...PATHS, ...domainPaths], async (req, res) => {
    const access = routeAccess(req);
    const request = catalogSearchParams(new ParamReader(new Map([['rows', ['10000']]])));
    const { hits } = await runCatalogSearch(deps, access, request, clock());
    const site = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const domain = typeof req.params.domain === 'string' ? req.params.domain : undefined;
    const quads = dcatQuads(hits, {
      // The catalog is named by its path without extension, whatever format it is written in.
      site, self: `${site}${req.path.replace(/\.(ttl|jsonld)$/, '')}`, catalogTitle: `Datasets of ${access.domain}`,
      datasetPath: domain ? `/${domain}/api2/datasets/` : '/api/datasets/1.0/',
      downloadPath: domain ? `/${domain}/api2/records/download` : '/api/records/1.0/download',
    });
    const format = formatOf(req);
    res.status(200).set('Vary', 'Accept');
    if (format === JSON_LD) res.type(`${JSON_LD}; charset=utf-8`).send(JSON.stringify(jsonld(quads)));
    else res.type(`${TURTLE}; charset=utf-8`).send(await turtle(quads));
  });
  return router;
}
