/** A link of an OGC resource (RFC 8288 in JSON). */
export interface OgcLink { href: string; rel: string; type?: string; title?: string }

export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const SCHEMA_TYPE = 'application/schema+json';
export const OPENAPI_30_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

/** The link relation of a collection's queryables (Part 3). */
export const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

export const link = (href: string, rel: string, type?: string, title?: string): OgcLink =>
  ({ href, rel, ...(type ? { type } : {}), ...(title ? { title } : {}) });

/** The URL of the request with some parameters set (or removed, when undefined), others kept as sent. */
export function withParams(url: string, changes: Record<string, string | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) u.searchParams.delete(k);
    else u.searchParams.set(k, v);
  }
  return u.toString();
}
