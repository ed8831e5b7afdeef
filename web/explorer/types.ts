/** The parts of the ODS v1 answers the explorer reads (README "Records search", "Catalog search"). */

/** Request parameters in order, repeatable (`refine.f` twice), as the API reads them. */
export type Params = Array<[string, string]>;

export interface Annotation { name: string; args?: string[] }
export interface Field { name: string; label: string; type: string; annotations: Annotation[] }

export interface Facet { name: string; path: string; count: number; state: 'displayed' | 'refined' | 'excluded' | string; facets?: Facet[] }
export interface FacetGroup { name: string; facets: Facet[] }

export interface DatasetItem {
  datasetid: string;
  has_records: boolean;
  metas: { title?: string; publisher?: string; theme?: string[]; records_count?: number; description?: string; modified?: string };
  fields: Field[];
}

export interface CatalogPage { nhits: number; datasets: DatasetItem[]; facet_groups?: FacetGroup[] }

export interface RecordItem { recordid: string; fields: Record<string, unknown> }
export interface RecordsPage { nhits: number; records: RecordItem[]; facet_groups?: FacetGroup[] }

export interface Cluster { cluster_center: [number, number]; count: number; cluster?: { type: string; coordinates: unknown } }
export interface GeoclusterAnswer { clusters: Cluster[] }

/** One point of analyze: `x` is a value, or an object of date parts (`{year: 2019}`). */
export interface AnalyzePoint { x: unknown; n: number }

export interface TableMetadata { result: { records: Array<{ name: string; alias_of: string | null }> } }

export const hasAnnotation = (f: Field, name: string): boolean => f.annotations.some((a) => a.name === name);
export const isDateType = (type: string): boolean => type === 'date' || type === 'datetime';
export const isGeoType = (type: string): boolean => type === 'geo_point_2d' || type === 'geo_shape';
