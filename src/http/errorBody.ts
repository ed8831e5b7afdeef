import { AppError, ERRORS } from '../errors/catalogue';

/** CKAN-style routes answer errors in the CKAN envelope; every other route in the ODS shape. */
export function isCkanPath(path: string): boolean {
  return /^(\/d4c)?\/api\/(3\/action|action|datasets\/2\.0|records\/2\.0)(\/|$)/.test(path);
}

export function errorBody(err: AppError, path: string): object {
  if (isCkanPath(path)) {
    return { success: false, error: { __type: ERRORS[err.code].ckanType, message: err.message } };
  }
  const body: Record<string, unknown> = { error: err.message, errorcode: ERRORS[err.code].errorcode };
  if (err.details.parameter !== undefined) body.parameter = err.details.parameter;
  if (err.details.position !== undefined) body.position = err.details.position;
  return body;
}
