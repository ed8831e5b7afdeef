import type { RequestHandler, Response } from 'express';
import { apiKeyOf } from './routeAccess';

/**
 * Who may keep an answer (RFC 9111): an anonymous GET or HEAD is the same for everyone, so any
 * cache may keep it for `maxAgeSeconds` (`Vary: Authorization, X-CKAN-API-Key` keeps callers with
 * a key apart); an answer built with an API key is `private, no-store`; an anonymous POST is
 * `no-store`. Errors are never kept (the error middleware says `no-store`).
 */
export function cachePolicy(maxAgeSeconds: number): RequestHandler {
  return (req, res, next) => {
    if (apiKeyOf(req) !== undefined) res.set('Cache-Control', 'private, no-store');
    else if (req.method === 'GET' || req.method === 'HEAD') res.set('Cache-Control', `public, max-age=${maxAgeSeconds}`);
    else res.set('Cache-Control', 'no-store');
    next();
  };
}

/** Whether a shared cache may keep this response: only then does it get an ETag. */
export const isPubliclyCacheable = (res: Response): boolean => String(res.get('Cache-Control') ?? '').startsWith('public');
