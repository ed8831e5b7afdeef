import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { booleanParam, callbackParam, datasetRef, timeZoneParam } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import type { RecordLookupRequest } from '../../model/recordsRequest';
import { requireCallback } from '../shared/requireCallback';

const scalars = z.object({
  format: z.enum(['json', 'jsonp'], 'must be json or jsonp').default('json'),
  callback: callbackParam.optional(),
  pretty_print: booleanParam.default(false),
  timezone: timeZoneParam.default('UTC'),
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const RECORD_LOOKUP_SCALARS = scalars;

/** `/api/datasets/1.0/<id>/records/<recordid>`: path parameters and output options. */
export function recordLookupParams(r: ParamReader, datasetid: string, recordid: string): RecordLookupRequest {
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  if (!/^[\w-]{1,200}$/.test(recordid)) throw new AppError('not_found', `Unknown record: ${recordid.slice(0, 100)}`);
  requireCallback(s.format, s.callback);
  return { dataset: datasetRef(datasetid, 'datasetid'), recordid, format: s.format, callback: s.callback, prettyPrint: s.pretty_print, timeZone: s.timezone };
}
