import type { Request } from 'express';
import { JSON_TYPE, link } from './ogcLinks';
import { ogcBase, openapiUrl } from './ogcPaths';

/**
 * The conformance classes claimed, each proven by the test of its ATS ids
 * (test/integration/ogc/): Part 1 Core and GeoJSON, Part 2 CRS by reference. Not claimed: HTML
 * (an `f=html` request gets JSON) and OpenAPI 3.0 (the API's document is OpenAPI 3.1).
 */
export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
] as const;

/** The landing page: what this is, and links to the API definition, the conformance classes and the collections. */
export function landingPage(req: Request, domainTitle: string): Record<string, unknown> {
  const base = ogcBase(req);
  return {
    title: `${domainTitle}: OGC API – Features`,
    description: 'The geographic datasets of this portal as OGC API – Features collections (Part 1 Core, GeoJSON; Part 2 CRS by reference).',
    links: [
      link(base, 'self', JSON_TYPE, 'This page'),
      link(openapiUrl(req), 'service-desc', 'application/vnd.oai.openapi+json;version=3.1', 'The API definition (OpenAPI 3.1)'),
      link(`${base}/conformance`, 'conformance', JSON_TYPE, 'The conformance classes implemented'),
      link(`${base}/collections`, 'data', JSON_TYPE, 'The collections'),
    ],
  };
}
