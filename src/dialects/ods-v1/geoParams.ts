import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { booleanParam, callbackParam, recordsFilter } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import { seriesParams } from './analyzeParams';
import type { GeoRequest } from '../../model/recordsRequest';
import { requireCallback } from '../shared/requireCallback';

/** Zoom levels of geocluster and geopreview (reference/ods-v1.md §1.7). */
export const MAX_ZOOM = 25;

const zoom = z.string().regex(/^\d{1,3}$/, 'must be a whole number').transform(Number).pipe(z.number().max(MAX_ZOOM, `must be between 0 and ${MAX_ZOOM}`));
const scalars = z.object({
  clusterprecision: zoom.optional(),
  clusterdistance: z.string().regex(/^\d{1,4}(\.\d+)?$/, 'must be a number of pixels (0 to 9999)').transform(Number).default(50),
  shapeprecision: z.string().regex(/^\d{1,2}$/, 'must be a whole number').transform(Number).default(1),
  rows: z.string().regex(/^\d{1,5}$/, 'must be a whole number').transform(Number).pipe(z.number().max(10000, 'at most 10000')).default(1000),
  format: z.enum(['json', 'jsonp'], 'must be json or jsonp').default('json'),
  callback: callbackParam.optional(),
  pretty_print: booleanParam.default(false),
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const GEO_SCALARS = scalars;

export function geoParams(r: ParamReader, needsZoom: boolean): GeoRequest {
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  if (needsZoom && s.clusterprecision === undefined) throw new AppError('bad_parameter', 'Parameter clusterprecision (the map zoom, 0 to 25) is required.', { parameter: 'clusterprecision' });
  if ((s.clusterprecision ?? 0) + s.shapeprecision > 29) throw new AppError('bad_parameter', 'clusterprecision + shapeprecision must not exceed 29.', { parameter: 'shapeprecision' });
  requireCallback(s.format, s.callback);
  return {
    ...recordsFilter(r),
    clusterprecision: s.clusterprecision, clusterdistance: s.clusterdistance, shapeprecision: s.shapeprecision,
    series: seriesParams(r),
    rows: s.rows, format: s.format, callback: s.callback, prettyPrint: s.pretty_print,
  };
}
