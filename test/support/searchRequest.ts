import type { Express } from 'express';
import request from 'supertest';

export type Params = Record<string, string | number | Array<string | number>>;

/** A query string with repeated parameters, percent-encoded as a browser would. */
export function queryString(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, String(x));
  return u.toString();
}

export interface OdsSearchBody {
  nhits: number;
  parameters: Record<string, unknown>;
  records: Array<{ datasetid: string; recordid: string; fields: Record<string, unknown>; geometry?: { type: string; coordinates: number[] }; record_timestamp: string }>;
  facet_groups?: Array<{ name: string; facets: FacetNode[] }>;
}
export interface FacetNode { name: string; path: string; count: number; state: string; facets?: FacetNode[] }

/** GET /api/records/1.0/search with `params`; fails the test unless the answer is 200 JSON. */
export async function odsSearch(app: Express, params: Params, path = '/api/records/1.0/search'): Promise<OdsSearchBody> {
  const res = await request(app).get(`${path}?${queryString(params)}`);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text.slice(0, 300)} for ${queryString(params)}`);
  return res.body as OdsSearchBody;
}

/** Byte-wise (UTF-8) order, as the reference describes ODS's tie-break. */
export const byBytes = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Expected first-level facet values from raw counts: count descending, then value byte-wise ascending. */
export function expectedLevel(counts: Map<string, number>, state = (_p: string): string => 'displayed'): Array<{ name: string; path: string; count: number; state: string }> {
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || byBytes(a, b))
    .map(([path, count]) => ({ name: path.slice(path.lastIndexOf('/') + 1), path, count, state: state(path) }));
}

export function countBy<T>(items: readonly T[], key: (t: T) => string | string[] | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    // Empty values are not values (ODS omits them).
    for (const v of (k === undefined || k === null ? [] : Array.isArray(k) ? [...new Set(k)] : [k]).filter((x) => x.trim() !== '')) m.set(v, (m.get(v) ?? 0) + 1);
  }
  return m;
}

/** A facet tree without its nested levels, for comparing one level at a time. */
export const flat = (nodes: FacetNode[] | undefined) => (nodes ?? []).map(({ name, path, count, state }) => ({ name, path, count, state }));
