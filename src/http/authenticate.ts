import type { Request, RequestHandler } from 'express';
import { API_KEY_SHAPE } from '../auth/apiKey';
import { AppError } from '../errors/catalogue';
import { liveApiKey } from '../execute/apiKeyStore';
import type { Deps } from '../execute/deps';
import { requestParams } from '../dialects/shared/requestParams';
import { rememberApiKey } from '../dialects/shared/routeAccess';

/**
 * The API key a request carries, if any: `Authorization: Apikey <key>` (ODS), `Bearer <key>`, or
 * the bare key (CKAN clients), `X-CKAN-API-Key`, or an `apikey` parameter.
 */
function presentedKey(req: Request): string | undefined {
  const header = req.headers.authorization ?? req.get('x-ckan-api-key');
  if (header !== undefined) {
    const m = /^(?:(?:apikey|bearer)\s+)?(\S+)$/i.exec(header.trim());
    if (!m) throw new AppError('unauthorized', 'Unsupported Authorization header: use "Apikey <key>".');
    return m[1];
  }
  const mayHaveParam = req.originalUrl.includes('apikey') || (req.method === 'POST' && typeof req.body === 'object' && req.body !== null && 'apikey' in req.body);
  return mayHaveParam ? requestParams(req).one('apikey') : undefined;
}

/**
 * Resolves the request's API key once, before any route: a valid key is remembered with its
 * domain; a key that is malformed, unknown or revoked is a 401 (never silently anonymous, so a
 * caller knows their key does not work).
 */
export function authenticate(deps: Deps): RequestHandler {
  return async (req, _res, next) => {
    const key = presentedKey(req);
    if (key === undefined) { next(); return; }
    const found = API_KEY_SHAPE.test(key) ? await liveApiKey(deps.pool, key) : undefined;
    if (found === undefined) throw new AppError('unauthorized', 'Invalid API key.', { parameter: 'apikey' });
    rememberApiKey(req, found);
    next();
  };
}
