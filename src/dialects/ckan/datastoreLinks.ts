import type { RawParams } from '../shared/rawParams';

/** Where a `datastore_search` request came in: its own path, and every parameter it carried (query, path and body). */
export interface LinkSource { path: string; params: RawParams }

/** CKAN's `_links` of a DataStore page: relative URLs for the first, next and (past the first page) previous page. */
export interface DatastoreLinks { start: string; next: string; prev?: string }

/** Parameters never repeated in a link: the paging ones (rewritten) and a credential. */
const DROPPED = new Set(['offset', 'start', 'apikey']);

/**
 * The request path as a link base: d4c's parameters written after the last slash
 * (`…/datastore_search/resource_id=x&limit=5`) are moved into the query string, so the path is
 * the route itself, under the prefix the request used (`/api/3/action/`, `/api/action/`, `/<domain>/…`).
 */
export function linkPath(originalUrl: string): string {
  const q = originalUrl.indexOf('?');
  const path = q < 0 ? originalUrl : originalUrl.slice(0, q);
  const cut = path.lastIndexOf('/');
  return path.slice(cut + 1).includes('=') ? path.slice(0, cut) : path;
}

/**
 * CKAN's `_links` (reference/ckan-d4c.md A4): `start` is the request with every parameter it had
 * but the offset, `next` the same with `offset` advanced by the effective limit, `prev` only when
 * `offset > limit`, as CKAN writes it. Unlike CKAN, parameters sent in a POST body are kept too, so
 * a link pages through the same rows (JSON objects as their JSON text, which the route reads back).
 */
export function datastoreLinks(source: LinkSource, offset: number, limit: number): DatastoreLinks {
  const url = (at: number | undefined): string => {
    const query = new URLSearchParams();
    for (const [name, values] of source.params) {
      if (DROPPED.has(name)) continue;
      for (const v of values) query.append(name, v);
    }
    if (at !== undefined) query.append('offset', String(at));
    const text = query.toString();
    return text ? `${source.path}?${text}` : source.path;
  };
  return { start: url(undefined), next: url(offset + limit), ...(offset - limit > 0 ? { prev: url(offset - limit) } : {}) };
}
