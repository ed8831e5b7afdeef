import type { FieldDef } from '../../model/descriptor';
import type { FieldValue, FileValue } from '../../model/values';
import type { DatastoreRequest } from '../../model/datastoreRequest';
import type { SearchPlan } from '../../model/searchPlan';
import type { RecordHit, SearchResult } from '../../model/searchResult';
import { csvCell } from '../../render/csvText';
import { instantText } from '../../render/instantText';
import { datastoreLinks, LinkSource } from './datastoreLinks';

const CKAN_TYPES: Record<FieldDef['type'], string> = {
  text: 'text', int: 'int', double: 'numeric', date: 'date', datetime: 'timestamp', geo_point_2d: 'text', geo_shape: 'json', file: 'text',
};

/** The field descriptors of a DataStore answer: `_id` first, then each field with its label and d4c's annotation markers. */
export function datastoreFields(fields: readonly FieldDef[]): Array<Record<string, unknown>> {
  return [
    { id: '_id', type: 'int' },
    ...fields.map((f) => ({
      id: f.name,
      type: f.type === 'text' && f.annotations.some((a) => a.name === 'multivalued') ? '_text' : CKAN_TYPES[f.type],
      info: { label: f.label, notes: f.annotations.map((a) => `<!--${a.name}${a.args?.length ? `?${a.args.join(',')}` : ''}-->`).join('') },
    })),
  ];
}

/** One value as a DataStore column holds it: timestamps without offset (in the request zone), points as "lat,lon". */
function cell(field: FieldDef, value: FieldValue | undefined, timeZone: string): unknown {
  if (value === undefined) return null;
  switch (field.type) {
    case 'datetime': return instantText(value as string, timeZone).slice(0, 19);
    case 'geo_point_2d': return (value as number[]).join(',');
    case 'file': return (value as FileValue).filename;
    default: return value;
  }
}

function csvText(rows: unknown[][], separator: string): string {
  const text = (v: unknown): string | number | undefined => (v === null || v === undefined ? undefined : typeof v === 'number' ? v : typeof v === 'string' ? v : JSON.stringify(v));
  return rows.map((r) => `${r.map((v) => csvCell(text(v), separator)).join(separator)}\r\n`).join('');
}

/** Rows (their values in the order of `names`, `_id` first) in a `records_format`: objects, lists, or header-less CSV/TSV text. */
export function rowsInFormat(rows: unknown[][], names: readonly string[], format: DatastoreRequest['recordsFormat']): unknown {
  switch (format) {
    case 'objects': return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i]])));
    case 'lists': return rows;
    case 'csv': return csvText(rows, ',');
    case 'tsv': return csvText(rows, '\t');
  }
}

const rowOf = (h: RecordHit, fields: readonly FieldDef[], timeZone: string): unknown[] => [h.line ?? null, ...fields.map((f) => cell(f, h.fields[f.name], timeZone))];

/** Records in the requested `records_format` (with `distinct`, the search already kept one record per distinct row). */
function records(hits: readonly RecordHit[], fields: readonly FieldDef[], req: DatastoreRequest, timeZone: string): unknown {
  return rowsInFormat(hits.map((h) => rowOf(h, fields, timeZone)), ['_id', ...fields.map((f) => f.name)], req.recordsFormat);
}

/**
 * One record as an item of `records` in the requested `records_format`: an object, a list, or
 * (csv, tsv) its line of the text, so that a page may be written record by record.
 */
export function recordItem(plan: SearchPlan, req: DatastoreRequest): (hit: RecordHit) => unknown {
  const fields = plan.fields ?? plan.schema;
  const names = ['_id', ...fields.map((f) => f.name)];
  return (hit) => {
    const one = rowsInFormat([rowOf(hit, fields, plan.timeZone)], names, req.recordsFormat);
    return Array.isArray(one) ? one[0] : one;
  };
}

/** The keys every `datastore_search` result starts with: the validated input echoed (reference/ckan-d4c.md A4). */
export function inputEcho(req: DatastoreRequest, limit: number, offset: number): Record<string, unknown> {
  return {
    include_total: req.includeTotal,
    limit,
    offset,
    records_format: req.recordsFormat,
    resource_id: req.resourceParam,
    total_estimation_threshold: null,
    ...req.ckanEcho,
  };
}

/**
 * The `result` of a `datastore_search` answer (reference/ckan-d4c.md A4), plus `facet_groups` when
 * facets were asked; `_links` when the request's source is given (the action API: d4c's route has
 * none, reference item 34).
 */
export function datastoreResult(result: SearchResult, plan: SearchPlan, req: DatastoreRequest, links?: LinkSource): Record<string, unknown> {
  const fields = plan.fields ?? plan.schema;
  return {
    ...inputEcho(req, plan.rows, plan.start),
    fields: datastoreFields(fields),
    records: records(result.records, fields, req, plan.timeZone),
    ...(links ? { _links: datastoreLinks(links, plan.start, plan.rows) } : {}),
    ...(req.includeTotal ? { total: result.nhits, total_was_estimated: false } : {}),
    ...(plan.facets.length ? { facet_groups: result.facetGroups } : {}),
  };
}
