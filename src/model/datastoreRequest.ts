import type { OutputOptions, RecordsSearchRequest } from './recordsRequest';

export const RECORDS_FORMATS = ['objects', 'lists', 'csv', 'tsv'] as const;
export type RecordsFormat = (typeof RECORDS_FORMATS)[number];

/** One CKAN filter or per-field text: the field, and the values given (a list means any of them). */
export interface FieldValues { field: string; values: Array<string | number | boolean> }

/**
 * CKAN `datastore_search` (reference/ckan-d4c.md A4) together with the ODS-style parameters the
 * portal front-ends send to `/api/records/2.0/search` (B6): one request, one pipeline.
 */
export interface DatastoreRequest extends Omit<RecordsSearchRequest, 'output'> {
  /** The DataStore answers JSON, GeoJSON or CSV (no feed). */
  output: OutputOptions;
  /** What the caller named the resource with (echoed as `resource_id`). */
  resourceParam: string;
  /** `resource_id=_table_metadata`: the listing of the tables (datasets with records), not a dataset. */
  tableMetadata: boolean;
  filters: FieldValues[];
  /** `q` as an object: words per field. */
  fieldText: FieldValues[];
  plain: boolean;
  distinct: boolean;
  includeTotal: boolean;
  recordsFormat: RecordsFormat;
  /** CKAN sort clauses (`f asc`, `g desc`), as given; ODS-style `-f` clauses are in `sort`. */
  ckanSort: Array<{ field: string; order: 'asc' | 'desc' }>;
  /** Echo of the CKAN inputs (`filters`, `q`, `sort`) when they were sent. */
  ckanEcho: Record<string, unknown>;
}
