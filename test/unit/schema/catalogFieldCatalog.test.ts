import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG_CSV_COLUMNS, CATALOG_DESC_SORTS, CATALOG_FIELD_CATALOG, CATALOG_FIELDS } from '../../../src/schema/catalogFieldCatalog';

/** The mapping as Elasticsearch gets it, read here on its own. */
const mapping = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'mappings', 'catalog.json'), 'utf8')) as {
  mappings: { properties: Record<string, { type: string; properties?: Record<string, unknown> }> };
};
const props = mapping.mappings.properties;
const pathExists = (path: string): boolean => (path.startsWith('t.') ? props.t.properties?.[path.slice(2)] !== undefined : props[path] !== undefined);

describe('the catalog field catalog, derived from mappings/catalog.json', () => {
  test('every path a query may reach is indexed by the mapping', () => {
    const paths = CATALOG_FIELD_CATALOG.flatMap((f) => [f.query.value, f.query.words, f.query.exists].filter((p): p is string => p !== undefined));
    expect(paths.length).toBeGreaterThan(CATALOG_FIELD_CATALOG.length);
    expect(paths.filter((p) => !pathExists(p))).toEqual([]);
  });

  test('the facets, sorts and CSV columns the README documents', () => {
    expect(CATALOG_FIELDS.filter((f) => f.annotations.some((a) => a.name === 'facet')).map((f) => f.name).sort()).toEqual(
      ['accrualperiodicity', 'contributor', 'created', 'creator', 'dataquality', 'features', 'granularity', 'issued', 'keyword', 'language', 'license', 'modified', 'publisher', 'theme']);
    expect([...CATALOG_DESC_SORTS].sort()).toEqual(['created', 'issued', 'modified', 'records_count']);
    expect(CATALOG_CSV_COLUMNS).toEqual(['datasetid', 'title', 'publisher', 'theme', 'keyword', 'license', 'language', 'modified', 'records_count']);
  });

  test('what the server applies is never addressable', () => {
    const names = CATALOG_FIELD_CATALOG.map((f) => f.name);
    for (const hidden of ['domain', 'visibility', 'state', 'has_records']) expect(names).not.toContain(hidden);
  });
});
