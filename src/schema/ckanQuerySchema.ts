import { CATALOG_QUERY_SCHEMA } from './catalogQuerySchema';
import type { QueryField, QuerySchema } from '../model/querySchema';

/** CKAN's Solr field names (reference/ckan-d4c.md A2) → the catalog field they search. */
const ALIASES: Record<string, string> = {
  id: 'datasetid', name: 'datasetid', notes: 'description', tags: 'keyword', themes: 'theme',
  license_id: 'license', metadata_modified: 'modified', metadata_created: 'created',
};

const CKAN_ONLY: QueryField[] = [
  // Slugs, matched whole: `organization:ville-de-paris`, `groups:environnement`.
  { name: 'organization', type: 'text', value: 'organization', exists: 'organization' },
  { name: 'groups', type: 'text', value: 'groups', exists: 'groups' },
  // Solr's catch-all copy field.
  { name: 'text', type: 'text', words: 'all_text', exists: 'datasetid' },
];

/**
 * What CKAN's `q` and `fq` can address: every catalog field under its ODS name and under CKAN's
 * (`tags`, `notes`, `name`, `organization`, `groups`, `license_id`, `metadata_modified`, …).
 * Visibility, state and domain are not addressable, as in the ODS catalog.
 */
export const CKAN_QUERY_SCHEMA: QuerySchema = {
  fields: new Map([
    ...CATALOG_QUERY_SCHEMA.fields,
    ...Object.entries(ALIASES).map(([alias, target]): [string, QueryField] => [alias, { ...CATALOG_QUERY_SCHEMA.fields.get(target)!, name: alias }]),
    ...CKAN_ONLY.map((f): [string, QueryField] => [f.name, f]),
  ]),
  allText: CATALOG_QUERY_SCHEMA.allText,
};
