import type { QueryField, QuerySchema } from '../model/querySchema';

/**
 * The dataset metadata the catalog's `q` can address (reference/ods-v1.md §4.3), laid out as
 * mappings/catalog.json maps it. Visibility, state and domain are not addressable: they are
 * applied by the server, never chosen by the caller.
 */
const FIELDS: QueryField[] = [
  { name: 'datasetid', type: 'text', value: 'datasetid', words: 't.datasetid', exists: 'datasetid' },
  { name: 'title', type: 'text', value: 'title', words: 't.title', exists: 't.title' },
  { name: 'description', type: 'text', words: 't.description', exists: 't.description' },
  { name: 'theme', type: 'text', value: 'theme', words: 't.theme', exists: 't.theme' },
  { name: 'keyword', type: 'text', value: 'keyword', words: 't.keyword', exists: 't.keyword' },
  { name: 'publisher', type: 'text', value: 'publisher', words: 't.publisher', exists: 't.publisher' },
  { name: 'license', type: 'text', value: 'license', words: 't.license', exists: 't.license' },
  { name: 'language', type: 'text', value: 'language', exists: 'language' },
  { name: 'features', type: 'text', value: 'features', exists: 'features' },
  ...['accrualperiodicity', 'granularity', 'dataquality', 'creator', 'contributor'].map((name): QueryField => ({ name, type: 'text', value: name, exists: name })),
  { name: 'modified', type: 'datetime', value: 'modified', exists: 'modified' },
  { name: 'issued', type: 'datetime', value: 'issued', exists: 'issued' },
  { name: 'created', type: 'datetime', value: 'created', exists: 'created' },
  { name: 'records_count', type: 'int', value: 'records_count', exists: 'records_count' },
];

export const CATALOG_QUERY_SCHEMA: QuerySchema = {
  fields: new Map(FIELDS.map((f) => [f.name, f])),
  allText: 'all_text',
};
