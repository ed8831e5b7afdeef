import { errors as esErrors } from '@elastic/elasticsearch';
import { AppError } from '../errors/catalogue';

const PG_UNAVAILABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', '57P01', '57P03', '08000', '08001', '08003', '08006']);

/**
 * Turns whatever a handler threw into a catalogue error: our own errors pass through, request
 * parsing failures are the client's, store failures are 503/504, anything else is internal
 * (its message is logged, never sent).
 */
export function classifyError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof esErrors.TimeoutError) return new AppError('search_timeout', 'The search engine did not answer in time.');
  if (err instanceof esErrors.ConnectionError || err instanceof esErrors.NoLivingConnectionsError) {
    return new AppError('search_unavailable', 'The search engine is unavailable. Retry later.', { retryAfterSeconds: 5 });
  }
  if (err instanceof esErrors.ResponseError && (err.statusCode === 429 || err.statusCode === 503)) {
    return new AppError('search_unavailable', 'The search engine is overloaded. Retry later.', { retryAfterSeconds: 5 });
  }
  if (err instanceof esErrors.ResponseError && err.statusCode === 404) return new AppError('not_found', 'Unknown dataset.');
  if (err instanceof esErrors.ResponseError && err.statusCode === 400) return new AppError('bad_query', 'The search engine refused this request; check the query and filters.');
  const e = err as { type?: string; status?: number; code?: string; name?: string };
  if (e?.type === 'entity.parse.failed') return new AppError('bad_body', 'The request body is not valid JSON or form data.');
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return new AppError('unsupported_media_type', 'Unsupported body encoding.');
  if (err instanceof URIError || (e?.status === 400 && e?.name === 'URIError')) return new AppError('bad_parameter', 'Malformed percent-encoding in the URL.');
  if (typeof e?.code === 'string' && PG_UNAVAILABLE.has(e.code)) {
    return new AppError('store_unavailable', 'The dataset store is unavailable. Retry later.', { retryAfterSeconds: 5 });
  }
  if (e?.status === 400 || e?.status === 413 || e?.status === 415) {
    return new AppError(e.status === 413 ? 'payload_too_large' : e.status === 415 ? 'unsupported_media_type' : 'bad_body', 'The request could not be read.');
  }
  return new AppError('internal', 'Internal error.');
}
