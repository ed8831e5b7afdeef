import type { FieldDef } from '../model/descriptor';

const facet = [{ name: 'facet' as const }];
const field = (name: string, type: FieldDef['type'], annotations: FieldDef['annotations'] = facet): FieldDef =>
  ({ name, label: name, type, annotations, source: { column: name } });

/**
 * The dataset metadata that catalog search facets, refines and sorts (reference/ods-v1.md §1.1),
 * as fields; their typed values are top-level keys of mappings/catalog.json.
 */
export const CATALOG_FIELDS: FieldDef[] = [
  field('theme', 'text'), field('keyword', 'text'), field('publisher', 'text'), field('license', 'text'),
  field('language', 'text'), field('features', 'text'),
  field('accrualperiodicity', 'text'), field('granularity', 'text'), field('dataquality', 'text'), field('creator', 'text'), field('contributor', 'text'),
  field('modified', 'datetime'), field('issued', 'datetime'), field('created', 'datetime'),
  field('records_count', 'int', []), field('title', 'text', [{ name: 'sortable' }]),
];

/** Catalog values are indexed at the top level (`theme`), not under `v.`. */
export const catalogValuePath = (f: FieldDef): string => f.name;
