import type { Request } from 'express';
import { AppError } from '../../errors/catalogue';

/** JSONP (SPEC §3) only answers anonymous GET requests: never a POST, never a request carrying credentials. */
export function guardJsonp(req: Request, format: string, hasApiKey: boolean): void {
  if (!format.endsWith('jsonp')) return;
  if (req.method !== 'GET') throw new AppError('bad_parameter', `format=${format} is only served for GET requests.`, { parameter: 'format' });
  if (hasApiKey || req.headers.authorization !== undefined || req.headers.cookie !== undefined) {
    throw new AppError('bad_parameter', `format=${format} is not served to requests that carry credentials.`, { parameter: 'format' });
  }
}
