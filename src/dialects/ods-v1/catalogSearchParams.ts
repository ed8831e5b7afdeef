import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { booleanParam, callbackParam, requestQueries, timeZoneParam } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import type { CatalogSearchRequest } from '../../model/catalogRequest';
import { requireCallback } from '../shared/requireCallback';
import { facetFamily } from '../shared/facetFamily';
import { commaList } from '../shared/commaList';

const whole = (max: number) => z.string().regex(/^\d{1,9}$/, 'must be a whole number ≥ 0').transform(Number).pipe(z.number().max(max, `at most ${max}`));
const scalars = z.object({
  rows: whole(10_000).default(10),
  start: whole(10_000).default(0),
  timezone: timeZoneParam.default('UTC'),
  extrametas: booleanParam.default(false),
  interopmetas: booleanParam.default(false),
  format: z.enum(['json', 'jsonp', 'csv', 'rss', 'atom'], 'must be json, jsonp, csv, rss or atom').default('json'),
  callback: callbackParam.optional(),
  pretty_print: booleanParam.default(false),
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const CATALOG_SEARCH_SCALARS = scalars;

export function catalogSearchParams(r: ParamReader): CatalogSearchRequest {
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  if (s.start + s.rows > 10_000) throw new AppError('bad_parameter', 'start + rows must not exceed 10000.', { parameter: 'rows' });
  requireCallback(s.format, s.callback);
  const req = {
    queries: requestQueries(r), facets: commaList(r.all('facet')), ...facetFamily(r), sort: commaList(r.all('sort')), rows: s.rows, start: s.start, timeZone: s.timezone, extrametas: s.extrametas, interopmetas: s.interopmetas,
    format: s.format, callback: s.callback, prettyPrint: s.pretty_print,
  };
  const echo: Record<string, unknown> = {};
  if (req.queries.length) echo.q = req.queries.length === 1 ? req.queries[0].text : req.queries.map((q) => q.text);
  Object.assign(echo, { rows: req.rows, start: req.start });
  if (req.sort.length) echo.sort = req.sort;
  if (req.facets.length) echo.facet = req.facets;
  if (req.refine.size) echo.refine = Object.fromEntries([...req.refine].map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  if (req.exclude.size) echo.exclude = Object.fromEntries([...req.exclude].map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  return { ...req, echo: Object.assign(echo, { format: req.format, timezone: req.timeZone }) };
}
