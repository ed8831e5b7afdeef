import type { Request } from 'express';
import type { FieldDef } from '../../model/descriptor';
import type { RecordHit } from '../../model/searchResult';
import type { RecordsPage } from '../../usecases/runRecordsSearch';
import type { ItemsParams } from './ogcParams';
import { encodeCursor } from './ogcParams';
import { featureJson } from '../../render/featureJson';
import { jsonArrayParts, jsonObjectParts } from '../../render/jsonObjectParts';
import { jsonText } from '../../text/jsonText';
import { keepsCoordinates, ogcFeatures } from './ogcFeature';
import { GEOJSON_TYPE, JSON_TYPE, link, withParams, type OgcLink } from './ogcLinks';
import { ogcBase } from './ogcPaths';

/** Every record of a page: its first piece, then the later ones. */
export async function pageRecords(page: RecordsPage): Promise<RecordHit[]> {
  const hits = [...page.result.records];
  if (page.more) for await (const piece of page.more.pieces) hits.push(...piece);
  return hits;
}

/** The URL the request was made to, absolute. */
export const requestUrl = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;

/**
 * A page of items as a GeoJSON FeatureCollection (Part 1), written compact: the features, the
 * exact `numberMatched`, `numberReturned`, `timeStamp`, and links to itself, its collection and,
 * while features remain, the next page (the same request with a cursor after its last record).
 * In CRS84 each feature is written in one pass, a shape kept as its stored text spliced
 * (featureJson); in another CRS its coordinates are transformed first (ogcFeatures).
 */
export function itemsCollection(req: Request, datasetId: string, schema: readonly FieldDef[], p: ItemsParams, hits: readonly RecordHit[], matched: number, now: number): string[] {
  const self = requestUrl(req);
  const seen = (p.cursor?.seen ?? 0) + hits.length;
  const links: OgcLink[] = [
    link(self, 'self', GEOJSON_TYPE, 'This page'),
    link(`${ogcBase(req)}/collections/${encodeURIComponent(datasetId)}`, 'collection', JSON_TYPE, 'The collection'),
  ];
  if (hits.length === p.request.limit && seen < matched) {
    links.push(link(withParams(self, { cursor: encodeCursor({ after: hits[hits.length - 1].recordid, seen }) }), 'next', GEOJSON_TYPE, 'The next page'));
  }
  const after = { numberMatched: matched, numberReturned: hits.length, timeStamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'), links };
  if (!keepsCoordinates(p.crs)) return [jsonText({ type: 'FeatureCollection', features: ogcFeatures(schema, datasetId, hits, p.crs), ...after }, false)];
  const feature = featureJson({ schema, timeZone: 'UTC', datasetId }, schema, true);
  return jsonObjectParts({ type: 'FeatureCollection' }, 'features', jsonArrayParts(hits.map(feature)), after);
}
