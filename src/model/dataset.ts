import type { DatasetMetadata, FieldDef } from './descriptor';

export interface DatasetRow {
  id: string;
  /** The CKAN DataStore resource id of the dataset's records (a UUID derived from the id). */
  resourceId: string;
  domain: string;
  metadata: DatasetMetadata;
  fields: FieldDef[];
  visibility: 'public' | 'private';
  state: 'draft' | 'published';
  hasRecords: boolean;
  recordsCount: number;
  /** Metadata from a catalog import, under the descriptor's own. */
  catalogExtra: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export interface DomainRow { id: string; title: string; includePublic: boolean }

/** What the catalog index keeps of a dataset for rendering. */
export interface CatalogHit {
  datasetid: string;
  has_records: boolean;
  features: string[];
  dataset: { metas: Record<string, unknown>; fields: FieldDef[]; dcat?: Record<string, unknown>; store: StoreFacts };
}

/** A catalog hit without the dataset's schema: what CKAN's package dicts, the catalog's CSV, RSS and Atom forms and DCAT-AP show. */
export type PackageHit = Omit<CatalogHit, 'dataset'> & { dataset: Omit<CatalogHit['dataset'], 'fields'> };

/** What package_search, the catalog's CSV and feeds and DCAT-AP read from the catalog index: everything a package dict shows, and not the schema (the bulk of a dataset). */
export const PACKAGE_SOURCE = ['datasetid', 'has_records', 'features', 'dataset.metas', 'dataset.dcat', 'dataset.store'];

/** What OGC's collections read of each catalog entry: everything but the pre-written dataset object, the schema included. */
export const CATALOG_HIT_SOURCE = ['datasetid', 'has_records', 'features', 'dataset.metas', 'dataset.fields', 'dataset.dcat', 'dataset.store'];

/**
 * What a JSON catalog page reads of an entry: its ODS dataset object as the catalog index keeps it
 * written (`ods`, its UTF-8 bytes, without the blocks a request may add), and what `extrametas`
 * (the schema) and `interopmetas` (the DCAT metadata) are made of when the request asks for them.
 */
export interface CatalogPageHit { datasetid: string; dataset: { ods: Uint8Array; fields?: FieldDef[]; dcat?: Record<string, unknown> } }

/**
 * The texts the catalog index keeps written for each entry, as binary fields stored outside
 * `_source` (mappings/catalog.json): the ODS dataset object, and the package dicts of CKAN and
 * data4citizen. A page reads them as `stored_fields`, in base64, with nothing to unescape; inside
 * `_source`, a text came back with every quote escaped, and Elasticsearch read all three texts for
 * any one of them.
 */
export const WRITTEN = { ods: 'written_ods', ckan: 'written_ckan', d4c: 'written_d4c' } as const;

/** Whose package dicts a package_search page lists: CKAN's action API, or data4citizen's `/api/datasets/2.0/search`. */
export type PackageFlavour = 'ckan' | 'd4c';

/** The `_source` of a JSON catalog page (its written objects come as stored fields: WRITTEN.ods): the parts of the blocks asked for. */
export const catalogPageSource = (blocks: { extrametas: boolean; interopmetas: boolean }): string[] =>
  ['datasetid', ...(blocks.extrametas ? ['dataset.fields'] : []), ...(blocks.interopmetas ? ['dataset.dcat'] : [])];

/** What the store knows of a dataset beyond its metadata, for CKAN's package dicts (ISO 8601 instants). */
export interface StoreFacts {
  resource_id: string;
  visibility: 'public' | 'private';
  state: 'draft' | 'published';
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** The dataset a request reads: its schema, the index alias to search, and the id to show. */
export interface DatasetTarget { index: string; datasetId: string; schema: FieldDef[] }
