import { AppError, type ErrorCode } from '../../errors/catalogue';

/** The OGC exception codes of our catalogue's errors (OGC API – Common's exception: `code`, `description`). */
const OGC_CODES: Partial<Record<ErrorCode, string>> = {
  bad_parameter: 'InvalidParameterValue', bad_query: 'InvalidParameterValue', bad_body: 'InvalidParameterValue',
  unauthorized: 'Unauthorized', forbidden: 'Forbidden', not_found: 'NotFound', method_not_allowed: 'MethodNotAllowed',
  too_many_requests: 'TooManyRequests', too_many_anonymous_requests: 'TooManyRequests',
  search_unavailable: 'ServiceUnavailable', store_unavailable: 'ServiceUnavailable', search_timeout: 'Timeout',
};

/** An error as the OGC dialect answers it: `{code, description}`, and the parameter at fault when one is. */
export function ogcException(err: AppError): { code: string; description: string; parameter?: string } {
  return {
    code: OGC_CODES[err.code] ?? 'ServerError', description: err.message,
    ...(err.details.parameter !== undefined ? { parameter: err.details.parameter } : {}),
  };
}
