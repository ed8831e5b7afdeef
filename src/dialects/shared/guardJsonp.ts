import type { Request } from 'express';
import { AppError } from '../../errors/catalogue';
import { isJsonpFormat } from '../../model/jsonpFormat';

/**
 * JSONP (SPEC §3) only answers anonymous GET requests: never a POST, never a request carrying
 * credentials (an Authorization or X-CKAN-API-Key header, a cookie, an `apikey` parameter).
 */
export function guardJsonp(req: Request, format: string, hasApiKey: boolean): void {
  if (!isJsonpFormat(format)) return;
  if (req.method !== 'GET') throw new AppError('bad_parameter', `format=${format} is only served for GET requests.`, { parameter: 'format' });
  const credentials = [req.headers.authorization, req.headers['x-ckan-api-key'], req.headers.cookie].some((h) => h !== undefined);
  if (hasApiKey || credentials) {
    throw new AppError('bad_parameter', `format=${format} is not served to requests that carry credentials.`, { parameter: 'format' });
  }
}
