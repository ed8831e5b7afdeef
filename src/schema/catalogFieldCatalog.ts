import catalogMapping from '../../mappings/catalog.json';
import type { FieldDef, FieldType } from '../model/descriptor';
import type { QueryField } from '../model/querySchema';

/** What mappings/catalog.json's `_meta` says of one addressable field. */
interface FieldNote { facet?: boolean; sort?: 'desc' | 'text' }
interface Property { type: string; ignore_above?: number; properties?: Record<string, Property> }

const mapping = catalogMapping.mappings as unknown as { _meta: { fields: Record<string, FieldNote>; csv: string[] }; properties: Record<string, Property> };
const TYPES = new Map<string, FieldType>([['keyword', 'text'], ['date', 'datetime'], ['long', 'int']]);

/** One catalog field as the mapping lays it out and its `_meta` annotates it. */
export interface CatalogField { name: string; type: FieldType; query: QueryField; facet: boolean; sort?: 'desc' | 'text' }

function catalogField(name: string, note: FieldNote): CatalogField {
  const keyword = mapping.properties[name] as Property | undefined;
  const words = mapping.properties.t.properties?.[name] ? `t.${name}` : undefined;
  const type = keyword ? TYPES.get(keyword.type) : words ? 'text' : undefined;
  if (!type) throw new Error(`mappings/catalog.json: _meta names ${name}, which the mapping does not index`);
  // A long text is not kept as a keyword (ignore_above) but always has its words.
  const exists = keyword && (keyword.ignore_above === undefined || !words) ? name : words!;
  const query: QueryField = { name, type, ...(keyword ? { value: name } : {}), ...(words ? { words } : {}), exists };
  return { name, type, query, facet: note.facet === true, ...(note.sort ? { sort: note.sort } : {}) };
}

/**
 * The catalog's field knowledge, derived from mappings/catalog.json alone: which metadata `q`
 * addresses (the `_meta` list, paths from the properties), which are facets, how each sorts, and
 * the CSV columns. Visibility, state and domain are never addressable: the server applies them.
 */
export const CATALOG_FIELD_CATALOG: readonly CatalogField[] = Object.entries(mapping._meta.fields).map(([name, note]) => catalogField(name, note));

/** The columns of the catalog CSV, in order. */
export const CATALOG_CSV_COLUMNS: readonly string[] = mapping._meta.csv;

const rank = (f: CatalogField): number => (f.facet ? 0 : f.sort === 'desc' ? 1 : 2);

/** The catalog fields facets, refines and sorts work on, as fields of a schema (their values are top-level keys): facets, then the other sorts. */
export const CATALOG_FIELDS: FieldDef[] = CATALOG_FIELD_CATALOG.filter((f) => f.facet || f.sort).sort((a, b) => rank(a) - rank(b)).map((f) => ({
  name: f.name, label: f.name, type: f.type, source: { column: f.name },
  annotations: [...(f.facet ? [{ name: 'facet' as const }] : []), ...(f.sort === 'text' ? [{ name: 'sortable' as const }] : [])],
}));

/** Catalog values are indexed at the top level (`theme`), not under `v.`. */
export const catalogValuePath = (f: FieldDef): string => f.name;

/** The fields `sort` orders newest or largest first (`-f` reverses). */
export const CATALOG_DESC_SORTS: ReadonlySet<string> = new Set(CATALOG_FIELD_CATALOG.filter((f) => f.sort === 'desc').map((f) => f.name));
