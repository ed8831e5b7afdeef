import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { outputShape, recordsFilter } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import { RECORDS_SEARCH_FORMATS, RecordsSearchRequest } from '../../model/recordsRequest';
import { requireCallback } from '../shared/requireCallback';
import { facetFamily } from '../shared/facetFamily';
import { commaList } from '../shared/commaList';

/** Records search paging window (SPEC §3): `start + rows` beyond it must use the download API. */
export const RESULT_WINDOW = 10_000;

const whole = (max: number) => z.string().regex(/^\d{1,9}$/, 'must be a whole number ≥ 0').transform(Number).pipe(z.number().max(max, `at most ${max}`));

const scalars = z.object({
  rows: whole(RESULT_WINDOW).default(10),
  start: whole(RESULT_WINDOW).default(0),
  format: z.enum(RECORDS_SEARCH_FORMATS, `must be one of ${RECORDS_SEARCH_FORMATS.join(', ')}`).default('json'),
  ...outputShape,
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const RECORDS_SEARCH_SCALARS = scalars;
const NAMES = Object.keys(scalars.shape);

const familyEcho = (m: Map<string, string[]>): Record<string, string | string[]> =>
  Object.fromEntries([...m].map(([k, v]) => [k, v.length === 1 ? v[0] : v]));

/** The normalised echo of the request, in the order ODS writes it. */
function echoOf(r: ParamReader, req: Omit<RecordsSearchRequest, 'echo'>): Record<string, unknown> {
  const queries = req.queries.map((q) => q.text);
  const echo: Record<string, unknown> = { dataset: [r.one('dataset')] };
  if (queries.length) echo.q = queries.length === 1 ? queries[0] : queries;
  Object.assign(echo, { rows: req.rows, start: req.start });
  if (req.sort.length) echo.sort = req.sort;
  if (req.facets.length) echo.facet = req.facets;
  if (req.refine.size) echo.refine = familyEcho(req.refine);
  if (req.exclude.size) echo.exclude = familyEcho(req.exclude);
  if (req.disjunctive.size) echo.disjunctive = Object.fromEntries([...req.disjunctive].map((f) => [f, true]));
  for (const g of ['distance', 'polygon', 'bbox']) {
    const values = r.all(`geofilter.${g}`);
    if (values.length) echo[`geofilter.${g}`] = values.length === 1 ? values[0] : values;
  }
  if (req.fields) echo.fields = req.fields.join(',');
  return Object.assign(echo, { format: req.output.format, timezone: req.timeZone });
}

/** `/api/records/1.0/search` parameters → a validated request. */
export function recordsSearchParams(r: ParamReader): RecordsSearchRequest {
  const family = facetFamily(r);
  const s = r.scalars(scalars, NAMES);
  if (s.start + s.rows > RESULT_WINDOW) {
    throw new AppError('bad_parameter', `start + rows must not exceed ${RESULT_WINDOW}; use /api/records/1.0/download to read every record.`, { parameter: 'rows' });
  }
  requireCallback(s.format, s.callback);
  const req: Omit<RecordsSearchRequest, 'echo'> = {
    ...recordsFilter(r),
    facets: commaList(r.all('facet')),
    disjunctive: family.disjunctive,
    facetsort: family.facetsort,
    facetlimit: family.facetlimit,
    sort: commaList(r.all('sort')),
    rows: s.rows,
    start: s.start,
    fields: s.fields === undefined ? undefined : commaList([s.fields]),
    output: {
      format: s.format, callback: s.callback, prettyPrint: s.pretty_print,
      csvSeparator: s.csv_separator, withBom: s.with_bom, useLabelsForHeader: s.use_labels_for_header,
    },
  };
  return { ...req, echo: echoOf(r, req) };
}
