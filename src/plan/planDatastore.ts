import type { FieldDef } from '../model/descriptor';
import { AppError } from '../errors/catalogue';
import type { DatastoreRequest, FieldValues } from '../model/datastoreRequest';
import { fold } from '../text/fold';
import { parseDateLiteral } from '../values/dateLiteral';
import { planQueries, readingQuery } from './planQueries';
import type { PlanOptions } from './planContext';
import { planTsQuery } from './planTsQuery';
import { allOf } from './combine';
import { planRecordsSearch } from './planRecordsSearch';
import { DatasetTarget } from '../model/dataset';
import type { Predicate } from '../model/predicate';
import { isGeo, isTemporal } from '../model/querySchema';
import { recordQuerySchema } from '../schema/recordQuerySchema';
import type { SearchPlan, SortKey } from '../model/searchPlan';
import { temporalFormat, temporalInterval } from '../values/typedValue';
import { recordPaths } from '../schema/recordPaths';

const invalid = (parameter: string, message: string): AppError => new AppError('bad_parameter', message, { parameter });
const anyOf = (ps: Predicate[]): Predicate => (ps.length === 1 ? ps[0] : { kind: 'or', clauses: ps });

function fieldOf(schema: readonly FieldDef[], name: string, parameter: string): FieldDef {
  return schema.find((f) => f.name === name) ?? (() => { throw invalid(parameter, `invalid value "${name.slice(0, 100)}"`); })();
}

/** A CKAN filter value: equality with the whole value (a number, a date or period, a text). */
function equals(field: FieldDef, value: string | number | boolean, timeZone: string): Predicate {
  const path = recordPaths.value(field.name);
  const text = String(value);
  if (isGeo(field.type)) throw invalid('filters', `invalid value "${field.name}": geographic fields cannot be filtered; use geofilter`);
  if (field.type === 'int' || field.type === 'double') {
    const n = typeof value === 'number' ? value : Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw invalid('filters', `invalid value for "${field.name}": ${text.slice(0, 40)} is not a number`);
    return field.type === 'int' && !Number.isInteger(n) ? { kind: 'none' } : { kind: 'term', path, value: n };
  }
  if (isTemporal(field.type)) {
    const lit = parseDateLiteral(text.trim());
    if (!lit.ok) throw invalid('filters', `invalid value for "${field.name}": ${lit.message}`);
    const iv = temporalInterval(lit.value, field.type, timeZone);
    return { kind: 'range', path, bounds: { gte: iv.from, [iv.toInclusive ? 'lte' : 'lt']: iv.to }, format: temporalFormat(field.type) };
  }
  return { kind: 'term', path, value: text };
}

/**
 * `q` as an object: the words of each value within its field (all of them, the last one a prefix);
 * with `plain=false`, each value is a text-search query (PostgreSQL's syntax) over that field.
 */
function fieldWords(field: FieldDef, values: FieldValues['values'], req: DatastoreRequest, options: PlanOptions): Predicate {
  if (field.type !== 'text') return anyOf(values.map((v) => equals(field, v, req.timeZone)));
  const paths = [recordPaths.words(field.name)];
  if (!req.plain) return anyOf(values.map((v) => readingQuery('q', () => planTsQuery(String(v), paths, options))));
  return anyOf(values.map((v) => ({ kind: 'words', paths, text: fold(String(v)), match: 'lastPrefix' })));
}

/**
 * `q` as text. With `plain=false`, PostgreSQL's text-search syntax (`&`, `|`, `!`, `:*`, `<->`,
 * parentheses) over every text field, as CKAN's `to_tsquery`. With `plain` (CKAN's default), the
 * query language; a text it cannot read is searched as plain words.
 */
function textQuery(req: DatastoreRequest, options: PlanOptions): Predicate {
  if (!req.plain) {
    return allOf(req.queries.map(({ parameter, text }) => readingQuery(parameter, () => planTsQuery(text, [options.schema.allText], options))));
  }
  try {
    return planQueries(req.queries, options);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'bad_query') throw err;
    const words = req.queries.flatMap((q) => fold(q.text).match(/[\p{L}\p{N}]+/gu) ?? []);
    if (words.length === 0) return { kind: 'all' };
    const clauses: Predicate[] = words.map((w) => ({ kind: 'words', paths: ['all_text'], text: w, match: 'prefix' }));
    return clauses.length === 1 ? clauses[0] : { kind: 'and', clauses };
  }
}

function sortKeys(schema: readonly FieldDef[], req: DatastoreRequest): SortKey[] {
  const keys = req.ckanSort.map(({ field, order }): SortKey => {
    if (field === '_id') return { path: 'line', order };
    const f = fieldOf(schema, field, 'sort');
    if (isGeo(f.type)) throw invalid('sort', `invalid value "${field}": geographic fields cannot be sorted`);
    return { path: recordPaths.value(f.name), order };
  });
  return [...keys, { path: 'line', order: 'asc' }, { path: 'recordid', order: 'asc' }];
}

/**
 * CKAN `datastore_search` with the portal's ODS-style parameters → a search plan: refines,
 * excludes, facets and geofilters as in records search, plus `filters`, `q` (text or per field)
 * and CKAN sort clauses; by default records come in source order (`_id`).
 */
export function planDatastore(req: DatastoreRequest, target: DatasetTarget, now: number): SearchPlan {
  const base = planRecordsSearch({ ...req, queries: [] }, target, now);
  const schema = target.schema;
  const options: PlanOptions = { schema: recordQuerySchema(schema), timeZone: req.timeZone, now };
  const query = allOf([
    base.query, textQuery(req, options),
    ...req.filters.map(({ field, values }) => anyOf(values.map((v) => equals(fieldOf(schema, field, 'filters'), v, req.timeZone)))),
    ...req.fieldText.map(({ field, values }) => fieldWords(fieldOf(schema, field, 'q'), values, req, options)),
  ]);
  return { ...base, query, sort: sortKeys(schema, req) };
}
