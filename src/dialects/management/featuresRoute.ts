import { Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import type { GeoFilter, RecordsSearchRequest } from '../../model/recordsRequest';
import { jsonText } from '../../text/jsonText';
import { geojsonFeatures } from '../../render/geojsonFeatures';
import { fieldsByName, recordObject } from '../../render/recordObject';
import { runRecordsSearch } from '../../usecases/runRecordsSearch';
import { managedDataset } from './datasetRoutes';
import { MANAGEMENT_PREFIX } from './managementPaths';
import { queryParams } from './pageParams';

const FEATURES_QUERY = z.strictObject({
  bbox: z.string().optional(),
  layer: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
}).refine((q) => q.offset + q.limit <= 10_000, { path: ['offset'], message: 'offset + limit must be at most 10000 (the download API reads everything)' });

/**
 * `bbox=minx,miny,maxx,maxy` in the OGC axis order: longitude first. A box whose numbers only make
 * sense as latitude first (a "longitude" beyond ±90 where a latitude would be) is a 400 that says so.
 */
export function ogcBbox(text: string): GeoFilter {
  const n = text.split(',').map((s) => (s.trim() === '' ? NaN : Number(s)));
  if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) throw new AppError('bad_parameter', 'bbox is four numbers: minx,miny,maxx,maxy (longitude first).', { parameter: 'bbox' });
  const [west, south, east, north] = n;
  if (Math.abs(south) > 90 || Math.abs(north) > 90) {
    const swapped = Math.abs(west) <= 90 && Math.abs(east) <= 90;
    throw new AppError('bad_parameter', swapped
      ? 'bbox latitudes (2nd and 4th numbers) must be within ±90: this box looks like latitude first; bbox takes minx,miny,maxx,maxy with longitude first.'
      : 'bbox latitudes (2nd and 4th numbers) must be within ±90.', { parameter: 'bbox' });
  }
  if (Math.abs(west) > 180 || Math.abs(east) > 180) throw new AppError('bad_parameter', 'bbox longitudes (1st and 3rd numbers) must be within ±180.', { parameter: 'bbox' });
  if (south > north) throw new AppError('bad_parameter', 'bbox miny (2nd number) must not be above maxy (4th).', { parameter: 'bbox' });
  return { kind: 'bbox', south, west, north, east };
}

/** `GET datasets/{id}/features`: the dataset's records as a GeoJSON FeatureCollection, filtered by `bbox` and `layer`, paged by `limit` and `offset`. */
export function featuresRoute(deps: Deps, clock: () => number): Router {
  const router = Router();
  router.get(`${MANAGEMENT_PREFIX}/datasets/:id/features`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const q = queryParams(req).scalars(FEATURES_QUERY, ['bbox', 'layer', 'limit', 'offset']);
    // A GeoPackage or Shapefile read whole gives each row its layer's name in a `layer` field.
    if (q.layer !== undefined && !row.fields.some((f) => f.name === 'layer')) {
      throw new AppError('bad_parameter', `${row.id} has a single layer (no layer field): leave layer out.`, { parameter: 'layer' });
    }
    const request: RecordsSearchRequest = {
      dataset: { id: row.id }, queries: [], refine: new Map(q.layer === undefined ? [] : [['layer', [q.layer]]]), exclude: new Map(), geofilters: q.bbox === undefined ? [] : [ogcBbox(q.bbox)],
      timeZone: 'UTC', facets: [], disjunctive: new Set(), facetsort: new Map(), sort: [], rows: q.limit, start: q.offset,
      output: { format: 'geojson', prettyPrint: false, csvSeparator: ',', withBom: false, useLabelsForHeader: false }, echo: {},
    };
    // The manager sees every dataset of the domain, private and draft ones included.
    const page = await runRecordsSearch(deps, { domain: row.domain, keyDomain: row.domain }, request, clock(), 1000);
    const ctx = { schema: page.plan.schema, timeZone: 'UTC', datasetId: row.id };
    const byName = fieldsByName(page.plan.schema);
    const records = page.result.records.map((r) => recordObject(r, ctx, byName));
    await page.more?.release();
    const body = {
      type: 'FeatureCollection', numberMatched: page.result.nhits, numberReturned: records.length,
      features: geojsonFeatures(page.plan.schema, records),
    };
    res.type('application/geo+json').send(jsonText(body, false));
  });
  return router;
}
