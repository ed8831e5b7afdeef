import type { Request } from 'express';
import type { FieldDef } from '../../model/descriptor';
import type { RecordHit } from '../../model/searchResult';
import type { ItemsParams } from './ogcParams';
import { encodeCursor } from './ogcParams';
import { featureJson } from '../../render/featureJson';
import type { ExportWriter } from '../../render/formats/streamWriter';
import { jsonText } from '../../text/jsonText';
import { keepsCoordinates, ogcFeatures } from './ogcFeature';
import { GEOJSON_TYPE, JSON_TYPE, link, withParams, type OgcLink } from './ogcLinks';
import { ogcBase } from './ogcPaths';

/** The pieces of a page: its first, then the later ones, if any. */
export async function* firstThen<T>(first: readonly T[], later?: AsyncGenerator<T[]>): AsyncGenerator<T[]> {
  yield [...first];
  if (later) yield* later;
}

/** The URL the request was made to, absolute. */
export const requestUrl = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`;

/** The members of a page after its features, from how many were written and the last one's record id. */
function membersAfter(req: Request, datasetId: string, p: ItemsParams, returned: number, last: string | undefined, matched: number, now: number): Record<string, unknown> {
  const self = requestUrl(req);
  const seen = (p.cursor?.seen ?? 0) + returned;
  const links: OgcLink[] = [
    link(self, 'self', GEOJSON_TYPE, 'This page'),
    link(`${ogcBase(req)}/collections/${encodeURIComponent(datasetId)}`, 'collection', JSON_TYPE, 'The collection'),
  ];
  if (returned === p.request.limit && seen < matched && last !== undefined) {
    links.push(link(withParams(self, { cursor: encodeCursor({ after: last, seen }) }), 'next', GEOJSON_TYPE, 'The next page'));
  }
  return { numberMatched: matched, numberReturned: returned, timeStamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'), links };
}

/**
 * A page of items as a GeoJSON FeatureCollection (Part 1), written compact and feature by
 * feature: the features, then the exact `numberMatched`, `numberReturned`, `timeStamp`, and links
 * to itself, its collection and, while features remain, the next page (the same request with a
 * cursor after its last record). Those come after the features, so `tail` is read once every
 * feature is written, and says what was. In CRS84 each feature is written in one pass, a shape
 * kept as its stored text spliced (featureJson); in another CRS its coordinates are transformed
 * first (ogcFeatures).
 */
export function itemsWriter(req: Request, datasetId: string, schema: readonly FieldDef[], p: ItemsParams, matched: number, now: number): ExportWriter {
  const oneByOne = featureJson({ schema, timeZone: 'UTC', datasetId }, schema, true);
  const features = keepsCoordinates(p.crs)
    ? (hits: readonly RecordHit[]) => hits.map(oneByOne)
    : (hits: readonly RecordHit[]) => ogcFeatures(schema, datasetId, hits, p.crs).map((f) => jsonText(f, false));
  let returned = 0;
  let last: string | undefined;
  return {
    contentType: `${GEOJSON_TYPE}; charset=utf-8`,
    headers: { 'Content-Crs': `<${p.crs.uri}>` },
    head: '{"type": "FeatureCollection", "features": [',
    page: (hits) => {
      if (hits.length === 0) return '';
      const text = `${returned === 0 ? '' : ', '}${features(hits).join(', ')}`;
      returned += hits.length;
      last = hits[hits.length - 1].recordid;
      return text;
    },
    get tail() {
      return `], ${jsonText(membersAfter(req, datasetId, p, returned, last, matched, now), false).slice(1)}`;
    },
  };
}

/** A whole page of items through its writer, in parts: one a feature, so that no page-sized text is built. */
export function itemsCollection(writer: ExportWriter, hits: readonly RecordHit[]): string[] {
  return [writer.head, ...hits.map((h) => writer.page([h], false)), writer.tail];
}
