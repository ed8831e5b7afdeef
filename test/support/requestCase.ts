import type { Json } from './planJson';
import type { EsCall } from './recordingElasticsearch';

/** Parameters as a reviewer reads them: each name with its value, or its values in order when repeated. */
export type Params = Record<string, string | string[]>;

/** The API families of portal-search, each with its own parameter reader (and planner, for most). */
export type Family =
  | 'records-search' | 'records-download' | 'records-analyze' | 'geocluster' | 'boundingbox' | 'geopreview' | 'record-lookup'
  | 'datastore-search' | 'catalog-search' | 'dataset-lookup' | 'package-search' | 'package-show' | 'status-show';

/** One request of the request-level golden files: a GET, or a POST with a form or a JSON body. */
export interface RequestCase {
  name: string;
  family: Family;
  /** The path, with d4c's parameters after its last slash when the case is about them. */
  path: string;
  query?: Params;
  form?: Params;
  json?: Record<string, unknown>;
}

/** What test/golden/requests/<name>.json holds. */
export interface GoldenFile {
  name: string;
  family: Family;
  request: { method: 'GET' | 'POST'; path: string; query?: Params; form?: Params; json?: Json };
  /** The clock of `#now` and of relative dates. */
  now: string;
  note?: string;
  plan: Json;
  status: number;
  /** Every request sent to Elasticsearch, in order, as it went on the wire. */
  elasticsearch: EsCall[];
  /** Kept when the file has no plan to show, and for errors. */
  response?: Json;
}

/** A query string with repeated parameters, percent-encoded as a browser would. */
export function queryString(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, x);
  return u.toString();
}
