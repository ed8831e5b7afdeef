import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { booleanParam, callbackParam, datasetRef, recordsFilter } from '../shared/commonParams';
import { DatastoreRequest, FieldValues, RECORDS_FORMATS } from '../../model/datastoreRequest';
import type { ParamReader } from '../shared/paramReader';
import { requireCallback } from '../shared/requireCallback';
import { facetFamily } from '../shared/facetFamily';
import { commaList } from '../shared/commaList';

/** CKAN's `ckan.datastore.search.rows_max`: a larger `limit` is clamped, not refused. */
export const DATASTORE_MAX_LIMIT = 32_000;
/** CKAN's listing of the DataStore tables, named as a resource. */
export const TABLE_METADATA = '_table_metadata';
/** Parameters whose JSON body value may be an object. */
export const DATASTORE_JSON_OBJECTS: ReadonlySet<string> = new Set(['filters', 'q']);

const invalid = (parameter: string, message: string): AppError => new AppError('bad_parameter', message, { parameter });
const count = (name: string) => z.string().regex(/^\d{1,9}$/, `invalid value: ${name} must be a whole number ≥ 0`).transform(Number);

const scalars = z.object({
  limit: count('limit').optional(),
  rows: count('rows').optional(),
  offset: count('offset').optional(),
  start: count('start').optional(),
  plain: booleanParam.default(true),
  distinct: booleanParam.default(false),
  include_total: booleanParam.default(true),
  records_format: z.enum(RECORDS_FORMATS, `Value must be one of ${RECORDS_FORMATS.join(', ')}`).default('objects'),
  language: z.string().max(64).optional(),
  format: z.enum(['json', 'jsonp', 'geojson', 'geojsonp', 'csv'], 'must be one of json, jsonp, geojson, geojsonp, csv').default('json'),
  callback: callbackParam.optional(),
  pretty_print: booleanParam.default(false),
  filters: z.string().max(100_000).optional(),
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const DATASTORE_SCALARS = scalars;

function scalarsOf(value: unknown, parameter: string, field: string): Array<string | number | boolean> {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((v) => !['string', 'number', 'boolean'].includes(typeof v))) {
    throw invalid(parameter, `invalid value for "${field}": a value or a list of values`);
  }
  return list as Array<string | number | boolean>;
}

/**
 * `{"field": value | [values]}` given as JSON text; anything else, a blank included, is CKAN's
 * 409 "Cannot parse JSON" (its `json_validator`).
 */
function jsonObjectParam(text: string, parameter: string): Record<string, unknown> {
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { throw invalid(parameter, 'Cannot parse JSON'); }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid(parameter, 'Cannot parse JSON: an object of field → value is expected');
  return parsed as Record<string, unknown>;
}

const fieldValues = (object: Record<string, unknown>, parameter: string): FieldValues[] =>
  Object.entries(object).map(([field, value]) => ({ field, values: scalarsOf(value, parameter, field) }));

/** `"f asc, g desc"` or repeated clauses: CKAN clauses, and ODS-style `-f` / `f` ones. */
function sortClauses(values: string[]): Array<{ field: string; order: 'asc' | 'desc' }> {
  return values.flatMap((v) => v.split(',')).map((c) => c.trim()).filter((c) => c !== '').map((clause) => {
    const m = /^(-?)([A-Za-z_][\w.]*)(?:\s+(asc|desc))?$/i.exec(clause);
    if (!m || (m[1] && m[3])) throw invalid('sort', `invalid value "${clause.slice(0, 100)}": "field", "field asc", "field desc" or "-field"`);
    return { field: m[2], order: m[1] ? 'desc' : ((m[3]?.toLowerCase() ?? 'asc') as 'asc' | 'desc') };
  });
}

/** `fields` as a list (JSON body) or with literal commas. */
const fieldList = (values: string[]): string[] | undefined =>
  values.length === 0 ? undefined : values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');

/** `datastore_search` and `/api/records/2.0/search` parameters → one validated request. */
export function datastoreParams(r: ParamReader): DatastoreRequest {
  const family = facetFamily(r);
  const s = r.scalars(scalars, Object.keys(scalars.shape));
  const resourceParam = r.one('resource_id') ?? r.one('id') ?? r.one('dataset');
  if (resourceParam === undefined) throw invalid('resource_id', 'Missing value');
  const qs = r.all('q');
  const qObject = qs.length === 1 && qs[0].trim().startsWith('{') ? jsonObjectParam(qs[0], 'q') : undefined;
  const filters = s.filters === undefined ? undefined : jsonObjectParam(s.filters, 'filters');
  const tableMetadata = resourceParam === TABLE_METADATA;
  const base = recordsFilter(r, tableMetadata ? { id: TABLE_METADATA } : datasetRef(resourceParam, 'resource_id'));
  requireCallback(s.format, s.callback);
  const limit = Math.min(s.limit ?? s.rows ?? 100, DATASTORE_MAX_LIMIT);
  const echo: Record<string, unknown> = {};
  if (filters !== undefined) echo.filters = filters;
  if (qs.length) echo.q = qObject ?? qs.join(' ');
  if (r.all('sort').length) echo.sort = r.all('sort').join(',');
  return {
    ...base,
    queries: qObject ? [] : base.queries,
    resourceParam,
    tableMetadata,
    filters: filters ? fieldValues(filters, 'filters') : [],
    fieldText: qObject ? fieldValues(qObject, 'q') : [],
    plain: s.plain,
    distinct: s.distinct,
    includeTotal: s.include_total,
    recordsFormat: s.records_format,
    ckanSort: sortClauses(r.all('sort')),
    ckanEcho: echo,
    facets: commaList(r.all('facet')),
    disjunctive: family.disjunctive,
    facetsort: family.facetsort,
    facetlimit: family.facetlimit,
    sort: [],
    rows: limit,
    start: s.offset ?? s.start ?? 0,
    fields: fieldList(r.all('fields')),
    output: { format: s.format, callback: s.callback, prettyPrint: s.pretty_print, csvSeparator: ';', withBom: false, useLabelsForHeader: false },
    echo: {},
  };
}
