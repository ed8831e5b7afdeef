import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import type { CatalogSearchRequest, PackageSearchRequest } from '../../model/catalogRequest';
import { booleanParam, callbackParam, timeZoneParam } from '../shared/commonParams';
import type { ParamReader } from '../shared/paramReader';
import { requireCallback } from '../shared/requireCallback';
import { facetFamily } from '../shared/facetFamily';
import { commaList } from '../shared/commaList';

/** CKAN's cap on `rows` (`ckan.search.rows_max`); more is clamped silently. */
export const PACKAGE_ROWS_MAX = 1000;
/** The deepest `start` served (the catalog index's result window). */
export const PACKAGE_START_MAX = 99_000;

const natural = () => z.string()
  .regex(/^-?\d+$/, 'Invalid integer').transform(Number)
  .pipe(z.number().min(0, 'Must be a natural number').max(Number.MAX_SAFE_INTEGER, 'Invalid integer'));
const scalars = z.object({
  rows: natural().default(10),
  start: natural().pipe(z.number().max(PACKAGE_START_MAX, `Must be at most ${PACKAGE_START_MAX}`)).default(0),
  'facet.limit': z.string().regex(/^-?\d{1,9}$/, 'Invalid integer').transform(Number).default(50),
  'facet.mincount': natural().default(1),
  include_private: booleanParam.default(false),
  include_drafts: booleanParam.default(false),
  // The data4citizen document's spelling of include_drafts.
  include_draft: booleanParam.default(false),
  timezone: timeZoneParam.default('UTC'),
  format: z.enum(['json', 'jsonp', 'csv'], 'must be json, jsonp or csv').default('json'),
  callback: callbackParam.optional(),
  pretty_print: booleanParam.default(false),
});
/** The scalar parameters as they are validated: the OpenAPI document (src/http/openapi/) is generated from them. */
export const PACKAGE_SEARCH_SCALARS = scalars;

/** The error CKAN gives (its messages as they are, listed under the parameter's name). */
const invalid = (parameter: string, message: string) => new AppError('bad_parameter', message, { parameter });

/** CKAN lists its own message under the parameter (`rows: ["Must be a natural number"]`), without our "Invalid rows:" lead. */
function ckanMessages<T>(read: () => T): T {
  try { return read(); } catch (err) {
    if (err instanceof AppError && err.details.parameter) throw invalid(err.details.parameter, err.message.replace(`Invalid ${err.details.parameter}: `, ''));
    throw err;
  }
}

/** `facet.field`: a JSON list of names, or the key repeated. */
function facetFieldList(values: string[]): string[] {
  if (values.length !== 1) return values;
  let parsed: unknown;
  try { parsed = JSON.parse(values[0]); } catch { throw invalid('facet.field', 'Could not parse as valid JSON'); }
  if (!Array.isArray(parsed)) throw invalid('facet.field', 'Not a list');
  if (!parsed.every((f): f is string => typeof f === 'string')) throw invalid('facet.field', 'Not a list of strings');
  return parsed;
}

const CKAN_SORT = /^\s*([A-Za-z_][\w.]*)\s+(asc|desc)\s*$/i;

/** `sort`: CKAN's `field asc, field desc` clauses, or ODS names (`-modified`). Undefined for ODS style. */
function ckanSortOf(sort: string | undefined): PackageSearchRequest['ckanSort'] {
  if (sort === undefined || !/\s/.test(sort.trim())) return undefined;
  return sort.split(',').map((clause) => {
    const m = CKAN_SORT.exec(clause);
    if (!m) throw new AppError('bad_query', `Invalid "sort" parameter: "${clause.trim().slice(0, 100)}" is not "field asc" or "field desc".`, { parameter: 'sort' });
    return { field: m[1], order: m[2].toLowerCase() as 'asc' | 'desc' };
  });
}

export function packageSearchParams(r: ParamReader): PackageSearchRequest {
  const s = ckanMessages(() => r.scalars(scalars, Object.keys(scalars.shape)));
  requireCallback(s.format, s.callback);
  const sortText = r.one('sort');
  const ckanSort = ckanSortOf(sortText);
  // `facet` is CKAN's on/off switch (`true`/`false`) or, repeated, the ODS facets to list.
  const facet = r.all('facet');
  const odsFacets = commaList(facet.filter((v) => v !== 'true' && v !== 'false'));
  const facetFields = !facet.includes('false') ? [...new Set([...facetFieldList(r.all('facet.field')), ...odsFacets])] : [];
  const rows = Math.min(s.rows, PACKAGE_ROWS_MAX);
  const ods: CatalogSearchRequest = {
    queries: [], facets: [], ...facetFamily(r), sort: ckanSort ? [] : commaList(sortText === undefined ? [] : [sortText]), rows, start: s.start, timeZone: s.timezone,
    extrametas: false, interopmetas: false, format: s.format, callback: s.callback, prettyPrint: s.pretty_print, echo: {},
  };
  return {
    q: r.one('q'), fq: [...r.all('fq'), ...r.all('fq_list')], facetFields,
    facetLimit: s['facet.limit'], facetMincount: s['facet.mincount'], ckanSort, sortText: sortText ?? '',
    includePrivate: s.include_private, includeDrafts: s.include_drafts || s.include_draft, ods,
  };
}
