/**
 * Requests to this server's public API. Every view builds its request as a URL (shown to the
 * developer, who may copy it) and reads the JSON answer; an error answer keeps ODS's body
 * (`error`, `errorcode`, `parameter`, `position`) so that the query box can point at the position.
 */

import type { Params } from './types';

export type { Params };

/** The absolute URL of an API request: the one the page sends and the one it shows. */
export function apiUrl(path: string, params: Params): string {
  const search = new URLSearchParams(params).toString();
  return `${location.origin}${path}${search ? `?${search}` : ''}`;
}

/** An error answer of the API, in ODS's shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter?: string,
    readonly position?: number,
  ) {
    super(message);
  }
}

interface OdsErrorBody { error?: unknown; parameter?: unknown; position?: unknown }

/** GETs a URL and reads its JSON; an error answer becomes an ApiError. A request made stale by a newer one is aborted by its signal. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(res.status, `The server answered ${res.status} with something that is not JSON.`);
  }
  if (!res.ok) {
    const b = (body ?? {}) as OdsErrorBody;
    throw new ApiError(
      res.status,
      typeof b.error === 'string' ? b.error : `The server answered ${res.status}.`,
      typeof b.parameter === 'string' ? b.parameter : undefined,
      typeof b.position === 'number' ? b.position : undefined,
    );
  }
  return body as T;
}

/** True when a request was aborted because a newer one replaced it (nothing to show). */
export const isAbort = (err: unknown): boolean => err instanceof DOMException && err.name === 'AbortError';
