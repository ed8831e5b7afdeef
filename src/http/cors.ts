import type { RequestHandler } from 'express';

/** Response headers a page elsewhere may read: quotas, retry hints, file names, validators. */
export const EXPOSED_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After', 'Content-Disposition', 'ETag', 'X-Request-Id'];

/**
 * Public APIs answer any origin (reference/ods-v1.md §1.0), without credentials: a page elsewhere
 * can read public data, never a caller's private data. Mounted first, so that every response has
 * these headers, errors included (413, 414, 415, an unreadable body, 404, 405, 429, 503…), and
 * `nosniff` so that no answer is ever run as another type than it says. Preflights are answered here.
 */
export const cors: RequestHandler = (req, res, next) => {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '), 'X-Content-Type-Options': 'nosniff' });
  res.vary('Authorization');
  res.vary('X-CKAN-API-Key');
  if (req.method === 'OPTIONS') {
    res.set({ 'Access-Control-Allow-Methods': 'GET, HEAD, POST', 'Access-Control-Allow-Headers': 'Authorization, X-CKAN-API-Key, Content-Type, If-None-Match', 'Access-Control-Max-Age': '600' });
    res.status(204).end();
    return;
  }
  next();
};
