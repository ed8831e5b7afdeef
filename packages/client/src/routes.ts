/** An HTTP method the client uses, spelled as the OpenAPI document's path items spell it. */
export type Method = 'get' | 'post' | 'delete';

/** One operation: its method and its path as the OpenAPI document writes it (`{id}` for a path parameter). */
export interface Route { readonly method: Method; readonly path: string }

const M = '/api/management/v1';

/**
 * Every operation this client calls, in one table: the client builds its URLs from it, and the
 * conformance test (test/unit/client/openapiConformance.test.ts) checks each one against the
 * server's OpenAPI document, so that a renamed or removed endpoint fails a test rather than a user.
 */
export const ROUTES = {
  recordsSearch: { method: 'get', path: '/api/records/1.0/search' },
  recordsDownload: { method: 'get', path: '/api/records/1.0/download' },
  catalogSearch: { method: 'get', path: '/api/datasets/1.0/search' },
  datasets: { method: 'get', path: `${M}/datasets` },
  datasetCreate: { method: 'post', path: `${M}/datasets` },
  dataset: { method: 'get', path: `${M}/datasets/{id}` },
  jobs: { method: 'get', path: `${M}/jobs` },
  job: { method: 'get', path: `${M}/jobs/{id}` },
  jobCancel: { method: 'delete', path: `${M}/jobs/{id}` },
  jobEvents: { method: 'get', path: `${M}/jobs/{id}/events` },
} as const satisfies Record<string, Route>;

export type RouteName = keyof typeof ROUTES;

/** A route's path with its `{name}` parameters filled in (each one URL-encoded). */
export function fillPath(route: Route, values: Readonly<Record<string, string | number>> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TypeError(`${route.path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
}
