import { Router, type Request, type Response } from 'express';
import type { Quad } from 'n3';
import type { Deps } from '../../execute/deps';
import { PACKAGE_SOURCE, type PackageHit } from '../../model/dataset';
import { exportFormatNames } from '../../render/formats/registry';
import { dcatCatalogWriter } from '../../render/dcat/dcatCatalogWriter';
import { datasetQuads, type DcatDatasetContext } from '../../render/dcat/dcatDataset';
import { DCAT_TYPES, serializeDcat, type DcatSerialization } from '../../render/dcat/dcatSerializations';
import { catalogPages } from '../../usecases/catalogPages';
import { streamExport } from '../shared/streamExport';
import { runDatasetLookup } from '../../usecases/runDatasetLookup';
import { datasetRef } from '../shared/commonParams';
import { ParamReader } from '../shared/paramReader';
import { routeAccess } from '../shared/routeAccess';
import { catalogSearchParams } from './catalogSearchParams';

/** The serialization an extension names. */
const EXTENSIONS: Readonly<Record<string, DcatSerialization>> = { '.ttl': 'turtle', '.jsonld': 'jsonld', '.rdf': 'rdfxml', '.xml': 'rdfxml' };
const EXTENSION = /\.(ttl|jsonld|rdf|xml)$/;
/** An export path, negotiated by `Accept` or named by each extension; and each with a `/<domain>` prefix. */
const withExtensions = (path: string): string[] => {
  const paths = [path, ...Object.keys(EXTENSIONS).map((ext) => `${path}${ext}`)];
  return [...paths, ...paths.map((p) => `/:domain${p}`)];
};
export const DCAT_CATALOG_PATHS = withExtensions('/api/v2/catalog/exports/dcat');
export const DCAT_DATASET_PATHS = withExtensions('/api/v2/catalog/datasets/:datasetid/exports/dcat');

/**
 * The most datasets the catalog export lists, and how many it reads and writes at a time: pages of
 * 100 rather than 500 took 16 exports sent at once from 545 to 338 MB of peak RSS (10,000 entries),
 * and one export no longer.
 */
const DCAT_MAX_DATASETS = 10_000;
const DCAT_PAGE = 100;

/** A page already read, then the pages after it. */
async function* andThen<T>(first: IteratorResult<T[]>, rest: AsyncGenerator<T[]>): AsyncGenerator<T[]> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}

/** Turtle, JSON-LD or RDF/XML: the extension decides, else `Accept` (Turtle when it names none of them). */
function serializationOf(req: Request): DcatSerialization {
  const ext = EXTENSION.exec(req.path)?.[0];
  if (ext) return EXTENSIONS[ext];
  const chosen = req.accepts(Object.values(DCAT_TYPES));
  return (Object.keys(DCAT_TYPES) as DcatSerialization[]).find((k) => DCAT_TYPES[k] === chosen) ?? 'turtle';
}

/**
 * Where the datasets and downloads live: ODS v1 paths for the default domain, data4citizen's under
 * another (the route's, or the one an `id@domain` names, so that the IRIs resolve for anyone).
 */
function contextOf(req: Request, home?: string): DcatDatasetContext {
  const site = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const named = home ?? (typeof req.params.domain === 'string' ? req.params.domain : undefined);
  const domain = named === 'default' ? undefined : named;
  return {
    site, formats: new Set(exportFormatNames()),
    datasetPath: domain ? `/${domain}/api2/datasets/` : '/api/datasets/1.0/',
    downloadPath: domain ? `/${domain}/api2/records/download` : '/api/records/1.0/download',
  };
}

async function answer(req: Request, res: Response, quads: readonly Quad[]): Promise<void> {
  const as = serializationOf(req);
  const body = await serializeDcat(quads, as);
  res.status(200).set('Vary', 'Accept').type(`${DCAT_TYPES[as]}; charset=utf-8`).send(body);
}

/**
 * DCAT-AP 3 for harvesters (the European data portal, CKAN's ckanext-dcat), under ODS v2's
 * export paths: the catalog the caller may see in the route's domain (at most 10,000 datasets),
 * and one dataset (`catalog/datasets/{id}/exports/dcat`, a 404 for a dataset the caller may not
 * see), each in Turtle, JSON-LD or RDF/XML.
 */
export function dcatRouter(deps: Deps, clock: () => number): Router {
  const router = Router();
  router.get(DCAT_CATALOG_PATHS, async (req, res) => {
    const access = routeAccess(req);
    const request = catalogSearchParams(new ParamReader(new Map([['rows', [String(DCAT_MAX_DATASETS)]]])));
    const ctx = contextOf(req);
    // The catalog is named by its path without extension, whatever format it is written in.
    const writer = dcatCatalogWriter(serializationOf(req), { ...ctx, self: `${ctx.site}${req.path.replace(EXTENSION, '')}`, catalogTitle: `Datasets of ${access.domain}` });
    // The first page is read before the first byte is sent: a failure there is still an error answer.
    const pages = catalogPages<PackageHit>(deps, access, request, clock(), DCAT_PAGE, PACKAGE_SOURCE);
    const first = await pages.next();
    await streamExport(res, writer, andThen(first, pages));
  });
  router.get(DCAT_DATASET_PATHS, async (req, res) => {
    const ref = datasetRef(String(req.params.datasetid), 'datasetid');
    const hit = await runDatasetLookup(deps, routeAccess(req), ref);
    await answer(req, res, datasetQuads(hit, contextOf(req, ref.domain)));
  });
  return router;
}
