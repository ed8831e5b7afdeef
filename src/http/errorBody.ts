import { AppError, ERRORS } from '../errors/catalogue';
import { isManagementPath } from '../dialects/management/managementPaths';
import { problemBody } from '../dialects/management/problemBody';
import { ogcException } from '../dialects/ogc/ogcException';
import { isOgcPath } from '../dialects/ogc/ogcPaths';

/** CKAN-style routes (also under `/<domain>`) answer errors in the CKAN envelope; every other route in the ODS shape. */
export function isCkanPath(path: string): boolean {
  return /^(\/[a-z0-9][a-z0-9-]{0,62})?\/api\/(3\/action|action|datasets\/2\.0|records\/2\.0)(\/|$)/.test(path);
}

/** CKAN answers a validation problem with 409 and a refused key with 403 (reference/ckan-d4c.md A1); other statuses are shared. */
export function errorStatus(err: AppError, path: string): number {
  if (!isCkanPath(path)) return err.status;
  if (err.code === 'bad_parameter' || err.code === 'bad_body') return 409;
  return err.code === 'unauthorized' ? 403 : err.status;
}

/** The content type of an error's body: problem details on the management API. */
export const errorType = (path: string): string => (isManagementPath(path) ? 'application/problem+json' : 'application/json');

/** The JSON body of an error: problem details on the management API, the CKAN envelope on CKAN routes, OGC's `{code, description}` under /ogc, ODS's `{error, errorcode, …}` elsewhere (429s add ODS's quota fields). */
export function errorBody(err: AppError, path: string): object {
  if (isManagementPath(path)) return problemBody(err, err.status, path);
  if (isOgcPath(path)) return ogcException(err);
  if (isCkanPath(path)) {
    // CKAN's validation errors list messages under the parameter's name; `message` says it in full.
    const field = err.details.parameter !== undefined ? { [err.details.parameter]: [err.message] } : {};
    return { success: false, error: { __type: ERRORS[err.code].ckanType, message: err.message, ...field } };
  }
  const body: Record<string, unknown> = { error: err.message, errorcode: ERRORS[err.code].errorcode };
  if (err.details.parameter !== undefined) body.parameter = err.details.parameter;
  if (err.details.position !== undefined) body.position = err.details.position;
  const quota = err.details.quota;
  if (quota !== undefined) Object.assign(body, { reset_time: quota.resetTime, limit_time_unit: quota.limitTimeUnit, call_limit: quota.callLimit });
  return body;
}
