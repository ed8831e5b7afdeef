import type { Access } from '../auth/access';
import { AppError } from '../errors/catalogue';
import type { Deps } from '../execute/deps';
import { listRecordsDatasets } from '../execute/datasetStore';
import type { DatastoreRequest } from '../model/datastoreRequest';
import { fold } from '../text/fold';
import { canRead, resolveDomain } from './resolveDataset';

/** The columns of CKAN's `_table_metadata` view, `_id` first. */
export const TABLE_METADATA_COLUMNS = ['_id', 'name', 'oid', 'alias_of'] as const;
type Column = (typeof TABLE_METADATA_COLUMNS)[number];

/** One row of `_table_metadata`: a table (a dataset's resource id) or an alias of one (the dataset id). */
export type TableRow = Record<Column, string | number | null>;

/** Most tables listed (the listing is built in memory). */
export const MAX_TABLES = 100_000;

const invalid = (parameter: string, message: string) => new AppError('bad_parameter', message, { parameter });

function column(name: string, parameter: string): Column {
  if ((TABLE_METADATA_COLUMNS as readonly string[]).includes(name)) return name as Column;
  throw invalid(parameter, `invalid value "${name.slice(0, 100)}" (_table_metadata has ${TABLE_METADATA_COLUMNS.join(', ')})`);
}

/** A stable number for a table, standing in for PostgreSQL's oid: the first 31 bits of its resource UUID. */
const oidOf = (resourceId: string): number => parseInt(resourceId.replace(/-/g, '').slice(0, 8), 16) & 0x7fffffff;

/** The rows: for each dataset with records the caller may read from the route's domain, its table, then its id as an alias of it. */
async function tableRows(deps: Deps, access: Access): Promise<TableRow[]> {
  const scope = await resolveDomain(deps, access.domain);
  const datasets = (await listRecordsDatasets(deps.pool)).filter((d) => canRead(d, scope, access, { id: d.id }, { needsRecords: true }));
  if (datasets.length * 2 > MAX_TABLES) throw new AppError('bad_parameter', `_table_metadata: more than ${MAX_TABLES} tables.`, { parameter: 'resource_id' });
  const rows = datasets.flatMap((d): Array<Omit<TableRow, '_id'>> => [
    { name: d.resourceId, oid: oidOf(d.resourceId), alias_of: null },
    { name: d.id, oid: oidOf(d.resourceId), alias_of: d.resourceId },
  ]);
  return rows.map((r, i) => ({ _id: i + 1, ...r }));
}

/** Folded words of a text, as the rest of the search reads them. */
const wordsOf = (text: string): string[] => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
const hasWords = (row: TableRow, columns: readonly Column[], text: string): boolean => {
  const hay = fold(columns.map((c) => String(row[c] ?? '')).join(' '));
  return wordsOf(text).every((w) => hay.includes(w));
};

/** Numbers by value, texts by code point, null last. */
function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/**
 * `datastore_search` on `resource_id=_table_metadata` (reference/ckan-d4c.md A4): CKAN lists its
 * DataStore tables and aliases with `_id`, `name`, `oid`, `alias_of`. Here a table is a dataset with
 * records the caller may read from the route's domain (`name` its resource id) and each dataset id is
 * listed as an alias of it. `filters` (equality, a list for any of), `q` (words within the texts, or
 * per column), `sort`, `fields`, `distinct`, `limit` and `offset` apply as to any table; the
 * ODS-style record filters and facets do not (a 409 naming them).
 */
export async function runTableMetadata(deps: Deps, access: Access, req: DatastoreRequest): Promise<{ rows: TableRow[]; total: number; columns: Column[] }> {
  for (const [name, given] of [['refine', req.refine.size > 0], ['exclude', req.exclude.size > 0], ['geofilter', req.geofilters.length > 0], ['facet', req.facets.length > 0]] as const) {
    if (given) throw invalid(name, `${name} does not apply to _table_metadata`);
  }
  const filters = req.filters.map((f) => ({ column: column(f.field, 'filters'), values: f.values.map(String) }));
  const perColumn = req.fieldText.map((f) => ({ column: column(f.field, 'q'), values: f.values.map(String) }));
  const sort = req.ckanSort.map((s) => ({ column: column(s.field, 'sort'), order: s.order }));
  const columns = (req.fields ?? TABLE_METADATA_COLUMNS.slice(1)).map((f) => column(f, 'fields')).filter((c) => c !== '_id');
  let rows = (await tableRows(deps, access)).filter((row) =>
    filters.every((f) => f.values.includes(String(row[f.column])))
    && perColumn.every((f) => f.values.some((v) => hasWords(row, [f.column], v)))
    && req.queries.every((q) => hasWords(row, ['name', 'alias_of'], q.text)));
  rows.sort((a, b) => sort.reduce((c, s) => c || (s.order === 'asc' ? 1 : -1) * compare(a[s.column], b[s.column]), 0) || (a._id as number) - (b._id as number));
  if (req.distinct) {
    const seen = new Set<string>();
    rows = rows.filter((r) => { const k = JSON.stringify(columns.map((c) => r[c])); return seen.has(k) ? false : (seen.add(k), true); });
  }
  return { rows: rows.slice(req.start, req.start + req.rows), total: rows.length, columns };
}
