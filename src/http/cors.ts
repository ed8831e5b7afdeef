import type { RequestHandler } from 'express';

/**
 * Public APIs answer any origin (reference/ods-v1.md §1.0), without credentials: a page elsewhere
 * can read public data, never a caller's private data. Preflights are answered here.
 */
export const cors: RequestHandler = (req, res, next) => {
  res.set('Access-Control-Allow-Origin', '*');
  res.vary('Authorization');
  res.vary('X-CKAN-API-Key');
  if (req.method === 'OPTIONS') {
    res.set({ 'Access-Control-Allow-Methods': 'GET, HEAD, POST', 'Access-Control-Allow-Headers': 'Authorization, X-CKAN-API-Key, Content-Type', 'Access-Control-Max-Age': '600' });
    res.status(204).end();
    return;
  }
  next();
};
