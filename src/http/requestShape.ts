import type { RequestHandler } from 'express';
import { AppError } from '../errors/catalogue';
import { isManagementPath } from '../dialects/management/managementPaths';
import { isUpgrade } from '../dialects/shared/upgrades';

/** Longest URL served; a longer one (a big polygon, say) belongs in a POST body. */
export const MAX_URL_LENGTH = 16_384;

/**
 * Requests the parsers cannot read properly are refused up front: a URL longer than
 * MAX_URL_LENGTH (414, pointing to POST), a POST body that is neither a form nor JSON (415; the
 * management API also takes multipart uploads), a request to switch protocols (Upgrade) other
 * than a GET without a body (405; such a body would never be read).
 */
export const requestShape: RequestHandler = (req, _res, next) => {
  if (req.originalUrl.length > MAX_URL_LENGTH) {
    next(new AppError('uri_too_long', `The URL is longer than ${MAX_URL_LENGTH} characters; send the parameters in a POST body (form or JSON).`));
    return;
  }
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (isUpgrade(req) && (req.method !== 'GET' || hasBody)) {
    next(new AppError('method_not_allowed', `Only a GET without a body may ask to switch protocols (Upgrade: ${String(req.headers.upgrade).slice(0, 30)}).`));
    return;
  }
  // The management API's uploads come as multipart forms, which its routes read as a stream.
  const forms = isManagementPath(req.path) ? ['application/x-www-form-urlencoded', 'application/json', 'multipart/form-data'] : ['application/x-www-form-urlencoded', 'application/json'];
  if (req.method === 'POST' && hasBody && !req.is(forms)) {
    next(new AppError('unsupported_media_type', 'POST bodies are application/x-www-form-urlencoded or application/json.'));
    return;
  }
  next();
};
