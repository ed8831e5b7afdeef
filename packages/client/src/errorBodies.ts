/**
 * The two error shapes of the API, after the OpenAPI document's `OdsError` (the search
 * endpoints) and `Problem` (RFC 9457 problem details, the management API).
 */

/** An error of the ODS endpoints. */
export interface OdsErrorBody {
  /** ODS error code (10002 quota, 10005 anonymous quota, 10010 bad parameter…). */
  errorcode: number;
  error: string;
  /** The parameter at fault. */
  parameter?: string;
  /** Where a query-language error is in `q`. */
  position?: number;
}

/** An error of the management API (`application/problem+json`). */
export interface ProblemBody {
  /** `urn:portal-search:error:<code>`. */
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  parameter?: string;
  /** Every problem of a validation (422), each with its path. */
  errors?: string[];
}

export const isOdsError = (body: unknown): body is OdsErrorBody =>
  typeof body === 'object' && body !== null && typeof (body as OdsErrorBody).errorcode === 'number' && typeof (body as OdsErrorBody).error === 'string';

export const isProblem = (body: unknown): body is ProblemBody =>
  typeof body === 'object' && body !== null && typeof (body as ProblemBody).type === 'string' && typeof (body as ProblemBody).status === 'number';
