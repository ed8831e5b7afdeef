import { Router, type Request } from 'express';
import { effectiveMetadata } from '../../catalog/effectiveMetadata';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import { isGeo } from '../../model/querySchema';
import { runDatasetExtent } from '../../usecases/runDatasetExtent';
import { runFeaturesPage } from '../../usecases/runFeaturesPage';
import { runRecordLookup } from '../../usecases/runRecordLookup';
import { resolveDataset, resolveDomain } from '../../usecases/resolveDataset';
import { routeAccess } from '../shared/routeAccess';
import { streamExport } from '../shared/streamExport';
import { catalogListing } from './catalogListing';
import { ogcCollection } from './ogcCollection';
import { keepsCoordinates, ogcFeatures } from './ogcFeature';
import { firstThen, itemsCollection, itemsWriter, requestUrl } from './ogcItems';
import { sendItemsFile } from './ogcItemsFile';
import { CONFORMANCE_CLASSES, landingPage } from './ogcLanding';
import { GEOJSON_TYPE, JSON_TYPE, link, OPENAPI_30_TYPE, SCHEMA_TYPE } from './ogcLinks';
import { ogcFeatureParams, ogcItemsParams, ogcPageParams, ogcQuery } from './ogcParams';
import { ogcBase, OGC_ROOTS } from './ogcPaths';
import { ogcQueryables } from './ogcQueryables';
import { sendOgc, sendOgcText } from './ogcSend';

const under = (path: string): string[] => OGC_ROOTS.map((root) => `${root}${path}`);

/** The dataset a collection path names, if the caller may read it and it is geographic; any other is the same 404. */
async function geoDataset(deps: Deps, req: Request) {
  const id = String(req.params.collectionId);
  // Made only when thrown: an error captures its stack, which every found collection would pay for.
  const notFound = (): AppError => new AppError('not_found', `Unknown collection: ${id.slice(0, 100)}`, { parameter: 'collectionId' });
  const target = await resolveDataset(deps, routeAccess(req), { id }).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'not_found' ? notFound() : err;
  });
  if (!target.schema.some((f) => isGeo(f.type))) throw notFound();
  return target;
}

/**
 * OGC API – Features, Part 1 (Core, GeoJSON), Part 2 (CRS by reference) and Part 3 (CQL2 text
 * filters, queryables), under `/ogc` and
 * `/<domain>/ogc`: one collection per geographic dataset the caller may read (the domain and key
 * rules of every other endpoint), its features paged by `next` links with a record id cursor.
 * `apiDocument` makes the OpenAPI document of an OGC root (`/ogc/api`), which http/ builds.
 */
export function ogcRouter(deps: Deps, clock: () => number, pieceRows: number, apiDocument: (serverUrl: string) => unknown): Router {
  const router = Router();
  router.get(under('/api'), async (req, res) => {
    ogcPageParams(ogcQuery(req));
    await resolveDomain(deps, routeAccess(req).domain);
    sendOgc(res, apiDocument(ogcBase(req)), OPENAPI_30_TYPE);
  });
  router.get(under(''), async (req, res) => {
    ogcPageParams(ogcQuery(req));
    const domain = await resolveDomain(deps, routeAccess(req).domain);
    sendOgc(res, landingPage(req, domain.title), JSON_TYPE);
  });
  router.get(under('/conformance'), (req, res) => {
    ogcPageParams(ogcQuery(req));
    sendOgc(res, { conformsTo: CONFORMANCE_CLASSES }, JSON_TYPE);
  });
  router.get(under('/collections'), async (req, res) => {
    ogcPageParams(ogcQuery(req));
    const access = routeAccess(req);
    const sources = await catalogListing(deps, access, clock(), (id) => runDatasetExtent(deps, access, { id }));
    const base = ogcBase(req);
    sendOgc(res, { links: [link(`${base}/collections`, 'self', JSON_TYPE, 'The collections')], collections: sources.map((s) => ogcCollection(base, s)) }, JSON_TYPE);
  });
  router.get(under('/collections/:collectionId'), async (req, res) => {
    ogcPageParams(ogcQuery(req));
    const { row } = await geoDataset(deps, req);
    const extent = await runDatasetExtent(deps, routeAccess(req), { id: row.id });
    sendOgc(res, ogcCollection(ogcBase(req), { id: row.id, metas: effectiveMetadata(row), fields: row.fields, extent }), JSON_TYPE);
  });
  router.get(under('/collections/:collectionId/queryables'), async (req, res) => {
    ogcPageParams(ogcQuery(req));
    const { row, schema } = await geoDataset(deps, req);
    const title = String(effectiveMetadata(row).title ?? row.id);
    const type = req.accepts([SCHEMA_TYPE, JSON_TYPE]) === JSON_TYPE ? JSON_TYPE : SCHEMA_TYPE;
    sendOgc(res, ogcQueryables(`${ogcBase(req)}/collections/${encodeURIComponent(row.id)}/queryables`, title, schema), type);
  });
  router.get(under('/collections/:collectionId/items'), async (req, res) => {
    const target = await geoDataset(deps, req);
    const p = ogcItemsParams(ogcQuery(req), target.row.id, target.schema);
    // A page in CRS84 is written with each shape's stored text spliced (itemsWriter): its records need not parse them.
    const page = await runFeaturesPage(deps, routeAccess(req), p.request, clock(), pieceRows, !p.file && keepsCoordinates(p.crs));
    if (p.file) return sendItemsFile(res, { id: target.row.id, schema: target.schema }, p.file, firstThen(page.result.records, page.more?.pieces), clock());
    const writer = itemsWriter(req, target.row.id, target.schema, p, page.result.nhits, clock());
    if (!page.more) return sendOgcText(res, itemsCollection(writer, page.result.records), GEOJSON_TYPE, p.crs.uri);
    // A page read in pieces is sent as they come, each once the client has taken the one before.
    await streamExport(res, writer, firstThen(page.result.records, page.more.pieces), { release: page.more.release });
  });
  router.get(under('/collections/:collectionId/items/:featureId'), async (req, res) => {
    const target = await geoDataset(deps, req);
    const crs = ogcFeatureParams(ogcQuery(req));
    const { hit } = await runRecordLookup(deps, routeAccess(req), { dataset: { id: target.row.id }, recordid: String(req.params.featureId), format: 'json', prettyPrint: false, timeZone: 'UTC' });
    const [feature] = ogcFeatures(target.schema, target.row.id, [hit], crs);
    const collection = `${ogcBase(req)}/collections/${encodeURIComponent(target.row.id)}`;
    sendOgc(res, { ...feature, links: [link(requestUrl(req), 'self', GEOJSON_TYPE, 'This feature'), link(collection, 'collection', JSON_TYPE, 'The collection')] }, GEOJSON_TYPE, crs.uri);
  });
  return router;
}
