import type { Request } from 'express';
import { JSON_TYPE, link, OPENAPI_30_TYPE } from './ogcLinks';
import { ogcBase, openapiUrl } from './ogcPaths';

/**
 * The conformance classes claimed, each proven by the test of its ATS ids
 * (test/integration/ogc/): Part 1 Core and GeoJSON, Part 2 CRS by reference, Part 3 (OGC
 * 19-079r2) Queryables, which Filter depends on, Filter and Features Filter, with CQL2 text
 * (OGC 21-065r2): Basic CQL2, the advanced comparison operators (LIKE, BETWEEN, IN) and the basic
 * spatial functions (S_INTERSECTS with POINT and BBOX; POLYGON too). Not
 * claimed: HTML (an `f=html` request gets JSON), OpenAPI 3.0 (`/ogc/api` is one, but its ATS is
 * not run), CQL2 JSON.
 */
export const CONFORMANCE_CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
] as const;

/** The landing page: what this is, and links to the API definition, the conformance classes and the collections. */
export function landingPage(req: Request, domainTitle: string): Record<string, unknown> {
  const base = ogcBase(req);
  return {
    title: `${domainTitle}: OGC API – Features`,
    description: 'The geographic datasets of this portal as OGC API – Features collections (Part 1 Core, GeoJSON; Part 2 CRS by reference; Part 3 CQL2 text filters).',
    links: [
      link(base, 'self', JSON_TYPE, 'This page'),
      link(`${base}/api`, 'service-desc', OPENAPI_30_TYPE, 'The API definition (OpenAPI 3.0)'),
      link(openapiUrl(req), 'service-desc', 'application/vnd.oai.openapi+json;version=3.1', 'The whole portal API (OpenAPI 3.1)'),
      link(`${base}/conformance`, 'conformance', JSON_TYPE, 'The conformance classes implemented'),
      link(`${base}/collections`, 'data', JSON_TYPE, 'The collections'),
    ],
  };
}
