import type { AppError } from '../../errors/catalogue';

const TITLES: Partial<Record<AppError['code'], string>> = {
  bad_parameter: 'Bad parameter', bad_body: 'Bad request body', unauthorized: 'API key needed', forbidden: 'Not allowed for this key',
  not_found: 'Not found', conflict: 'Conflict', unprocessable: 'Validation failed', payload_too_large: 'Upload too large',
  unsupported_media_type: 'Unsupported media type', too_many_requests: 'Too many requests', too_many_anonymous_requests: 'Too many requests',
};

/**
 * An error of the management API as RFC 9457 problem details (`application/problem+json`): `type`
 * names the catalogue code, `detail` says what was wrong, `errors` lists every problem of a
 * validation, and `parameter` names the one at fault.
 */
export function problemBody(err: AppError, status: number, instance: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: `urn:portal-search:error:${err.code}`, title: TITLES[err.code] ?? 'Error', status, detail: err.message, instance, code: err.code,
  };
  if (err.details.parameter !== undefined) body.parameter = err.details.parameter;
  if (err.details.problems !== undefined) body.errors = err.details.problems;
  return body;
}
