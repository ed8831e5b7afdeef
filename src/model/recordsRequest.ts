import { Func } from './analyze';

export const RECORD_FORMATS = ['json', 'jsonp', 'geojson', 'geojsonp', 'csv'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];

/** Records search also answers a page as a feed (reference/ods-v1.md: `rss`, `atom`). */
export const RECORDS_SEARCH_FORMATS = [...RECORD_FORMATS, 'rss', 'atom'] as const;
export type RecordsSearchFormat = (typeof RECORDS_SEARCH_FORMATS)[number];

export const FACET_SORTS = ['count', '-count', 'alphanum', '-alphanum', 'num', '-num'] as const;
export type FacetSort = (typeof FACET_SORTS)[number];

export type GeoFilter =
  | { kind: 'distance'; lat: number; lon: number; metres: number }
  | { kind: 'polygon'; ring: Array<[number, number]> }
  | { kind: 'bbox'; south: number; west: number; north: number; east: number };

/** A dataset as a request names it: `id`, or `id@domain` for a dataset of another domain. */
export interface DatasetRef { id: string; domain?: string }

/** How a page of results is written out; `F`: the format names the endpoint takes. */
export interface OutputOptions<F extends string = RecordFormat> {
  format: F;
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
  /** `facetlimit.<f>` (our extension): the most values per level of a facet. */
  facetlimit?: Map<string, number>;
  sort: string[];
  rows: number;
  start: number;
  fields?: string[];
  output: OutputOptions<RecordsSearchFormat>;
  /** The `parameters` echo of the response (reference/ods-v1.md §2.2). */
  echo: Record<string, unknown>;
}

/** One `q` of a request, with the parameter it came in (`q`, `q.mine`) for the error message. */
export interface RequestQuery { parameter: string; text: string }

export interface SeriesParams { name: string; func: Func; expr: string; cumulative: boolean }

/** `/api/records/1.0/analyze` (reference/ods-v1.md §1.6), validated but not yet resolved against the schema. */
export interface AnalyzeRequest extends RecordsFilter {
  x: string[];
  precision?: string;
  periodic?: string;
  series: SeriesParams[];
  sort?: string;
  /** The most points to answer; absent when there is no cap (`0`, empty or left out). */
  maxpoints?: number;
  output: OutputOptions;
}

/** `/api/records/1.0/download` (reference/ods-v1.md §1.5): the filters of search, no paging window. */
export interface DownloadRequest extends RecordsFilter {
  sort: string[];
  fields?: string[];
  /** At most this many records (map widgets send `rows=1000`); all when undefined. */
  rows?: number;
  /** Any export format of render/formats (checked against its registry by the parameters). */
  output: OutputOptions<string>;
}

/** `geocluster`, `boundingbox` and `geopreview`: the records filters, and how the map is drawn. */
export interface GeoRequest extends RecordsFilter {
  clusterprecision?: number;
  clusterdistance: number;
  shapeprecision: number;
  series: SeriesParams[];
  rows: number;
  format: 'json' | 'jsonp';
  callback?: string;
  prettyPrint: boolean;
}

export interface RecordLookupRequest {
  dataset: DatasetRef;
  recordid: string;
  format: 'json' | 'jsonp';
  callback?: string;
  prettyPrint: boolean;
  timeZone: string;
}
