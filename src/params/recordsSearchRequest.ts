import type { RequestQuery } from '../plan/planQueries';

export const RECORD_FORMATS = ['json', 'jsonp', 'geojson', 'geojsonp', 'csv'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

export const FACET_SORTS = ['count', '-count', 'alphanum', '-alphanum', 'num', '-num'] as const;
export type FacetSort = (typeof FACET_SORTS)[number];

export type GeoFilter =
  | { kind: 'distance'; lat: number; lon: number; metres: number }
  | { kind: 'polygon'; ring: Array<[number, number]> }
  | { kind: 'bbox'; south: number; west: number; north: number; east: number };

/** A dataset as a request names it: `id`, or `id@domain` for a dataset of another domain. */
export interface DatasetRef { id: string; domain?: string }

/** How a page of results is written out. */
export interface OutputOptions {
  format: RecordFormat;
  callback?: string;
  prettyPrint: boolean;
  csvSeparator: string;
  withBom: boolean;
  useLabelsForHeader: boolean;
}

/** The filters every records endpoint shares (search, download, analyze, geo): the family-neutral request. */
export interface RecordsFilter {
  dataset: DatasetRef;
  queries: RequestQuery[];
  refine: Map<string, string[]>;
  exclude: Map<string, string[]>;
  geofilters: GeoFilter[];
  timeZone: string;
}

/** ODS v1 records search (SPEC §3), validated. */
export interface RecordsSearchRequest extends RecordsFilter {
  facets: string[];
  disjunctive: Set<string>;
  facetsort: Map<string, FacetSort>;
  sort: string[];
  rows: number;
  start: number;
  fields?: string[];
  output: OutputOptions;
  /** The `parameters` echo of the response (reference/ods-v1.md §2.2). */
  echo: Record<string, unknown>;
}
