/**
 * The answers of the ODS v1 search endpoints, written after the OpenAPI document's
 * `components.schemas` (Record, FacetGroup, RecordsPage, Dataset, CatalogPage). A test checks that
 * each interface has exactly the properties of its schema, required where the schema requires them.
 */

/** A record's fields, by field name (the dataset's schema decides which; pass your own type to the search). */
export type Fields = Record<string, unknown>;

/** A GeoJSON geometry, as the records carry it (a Point for `geo_point_2d` datasets). */
export interface Geometry { type: string; coordinates: unknown }

/** One record (schema `Record`). */
export interface OdsRecord<F = Fields> {
  datasetid: string;
  /** SHA-1 of the record as published. */
  recordid: string;
  fields: F;
  geometry?: Geometry;
  record_timestamp: string;
}

/** One value of a facet, with its count; hierarchical facets (dates) nest the next level in `facets`. */
export interface Facet {
  name?: string;
  /** The value to give `refine.<field>` (for a date: `2019/06`). */
  path?: string;
  count?: number;
  state?: 'displayed' | 'refined' | 'excluded';
  facets?: Facet[];
}

/** The values of one facet field (schema `FacetGroup`). */
export interface FacetGroup { name?: string; facets?: Facet[] }

/** A page of records (schema `RecordsPage`): the total, the echoed parameters, the records and their facets. */
export interface RecordsPage<F = Fields> {
  nhits: number;
  parameters: Record<string, unknown>;
  records: Array<OdsRecord<F>>;
  facet_groups?: FacetGroup[];
}

/** A dataset of the catalog (schema `Dataset`). */
export interface CatalogDataset {
  datasetid: string;
  dataset_id?: string;
  has_records?: boolean;
  metas: Record<string, unknown>;
  fields: Array<Record<string, unknown>>;
  features?: string[];
  extra_metas?: Record<string, unknown>;
}

/** A page of the catalog (schema `CatalogPage`). */
export interface CatalogPage {
  nhits: number;
  parameters: Record<string, unknown>;
  datasets: CatalogDataset[];
  facet_groups?: FacetGroup[];
}
