import type { QuerySchema } from '../model/querySchema';
import { CATALOG_FIELD_CATALOG } from './catalogFieldCatalog';

/** The dataset metadata the catalog's `q` can address (reference/ods-v1.md §4.3), as mappings/catalog.json lays it out. */
export const CATALOG_QUERY_SCHEMA: QuerySchema = {
  fields: new Map(CATALOG_FIELD_CATALOG.map((f) => [f.name, f.query])),
  allText: 'all_text',
};
