/**
 * The error catalogue: every error a client can receive, with its HTTP status, its ODS
 * `errorcode` and its CKAN `__type`. Public messages are written here or built from the
 * client's own input; nothing internal (hosts, stack traces, Elasticsearch bodies) is added.
 * Every code here is raised somewhere in src/ and documented in the README's error table
 * (test/unit/errors/catalogue.test.ts checks both).
 */
export const ERRORS = {
  bad_parameter: { status: 400, errorcode: 10010, ckanType: 'Validation Error' },
  bad_query: { status: 400, errorcode: 10011, ckanType: 'Search Query Error' },
  bad_body: { status: 400, errorcode: 10012, ckanType: 'Validation Error' },
  unauthorized: { status: 401, errorcode: 10020, ckanType: 'Authorization Error' },
  forbidden: { status: 403, errorcode: 10021, ckanType: 'Authorization Error' },
  not_found: { status: 404, errorcode: 10030, ckanType: 'Not Found Error' },
  method_not_allowed: { status: 405, errorcode: 10031, ckanType: 'Validation Error' },
  payload_too_large: { status: 413, errorcode: 10032, ckanType: 'Validation Error' },
  unsupported_media_type: { status: 415, errorcode: 10033, ckanType: 'Validation Error' },
  uri_too_long: { status: 414, errorcode: 10034, ckanType: 'Validation Error' },
  conflict: { status: 409, errorcode: 10035, ckanType: 'Validation Error' },
  unprocessable: { status: 422, errorcode: 10036, ckanType: 'Validation Error' },
  too_many_requests: { status: 429, errorcode: 10002, ckanType: 'Rate Limit Error' },
  too_many_anonymous_requests: { status: 429, errorcode: 10005, ckanType: 'Rate Limit Error' },
  search_unavailable: { status: 503, errorcode: 10040, ckanType: 'Search Error' },
  store_unavailable: { status: 503, errorcode: 10041, ckanType: 'Search Error' },
  search_timeout: { status: 504, errorcode: 10042, ckanType: 'Search Error' },
  busy: { status: 503, errorcode: 10043, ckanType: 'Search Error' },
  internal: { status: 500, errorcode: 10050, ckanType: 'Internal Error' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** What a 429 tells about the quota that was exceeded (ODS's `reset_time`, `limit_time_unit`, `call_limit`). */
export interface QuotaExceeded {
  /** When the exceeded window ends, ISO 8601 in UTC without fractions (`2026-11-22T00:00:00Z`). */
  resetTime: string;
  limitTimeUnit: 'day' | 'second';
  callLimit: number;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { parameter?: string; position?: number; retryAfterSeconds?: number; quota?: QuotaExceeded; problems?: string[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}
