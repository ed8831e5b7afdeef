import { AppError, ERRORS } from '../errors/catalogue';

/** CKAN-style routes answer errors in the CKAN envelope; every other route in the ODS shape. */
export function isCkanPath(path: string): boolean {
  return /^(\/d4c)?\/api\/(3\/action|action|datasets\/2\.0|records\/2\.0)(\/|$)/.test(path);
}

/** CKAN answers a validation problem with 409 (reference/ckan-d4c.md A1); other statuses are shared. */
export function errorStatus(err: AppError, path: string): number {
  return isCkanPath(path) && (err.code === 'bad_parameter' || err.code === 'bad_body') ? 409 : err.status;
}

export function errorBody(err: AppError, path: string): object {
  if (isCkanPath(path)) {
    // CKAN's validation errors list messages under the parameter's name; `message` says it in full.
    const field = err.details.parameter !== undefined ? { [err.details.parameter]: [err.message] } : {};
    return { success: false, error: { __type: ERRORS[err.code].ckanType, message: err.message, ...field } };
  }
  const body: Record<string, unknown> = { error: err.message, errorcode: ERRORS[err.code].errorcode };
  if (err.details.parameter !== undefined) body.parameter = err.details.parameter;
  if (err.details.position !== undefined) body.position = err.details.position;
  return body;
}
