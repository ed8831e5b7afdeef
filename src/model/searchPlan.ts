import type { FieldDef } from './descriptor';
import type { FacetContext, FacetKind, FacetPath } from './facetKind';
import type { FacetSort } from './recordsRequest';
import type { Predicate } from './predicate';
import type { WrittenField } from './searchResult';

/** The refines and excludes on one field: the records they keep. */
export interface FieldFilter {
  field: string;
  /** Refines: all of them (conjunctive) or any of them (disjunctive). */
  refine?: Predicate;
  /** Excludes: none of them. */
  exclude?: Predicate;
  disjunctive: boolean;
}

/** One facet group to compute. Without `kind` (a field that is no facet) the group is empty. */
export interface FacetRequest {
  name: string;
  kind?: FacetKind;
  ctx?: FacetContext;
  refined: FacetPath[];
  excluded: FacetPath[];
  disjunctive: boolean;
  sort: FacetSort;
  /** `facetlimit.<f>`: the most values each level lists, after sorting; the kind's cap when absent. */
  limit?: number;
}

export interface SortKey { path: string; order: 'asc' | 'desc' }

/** Text that scores the hits (it selects nothing): folded words matched in `path`, weighted by `boost`. */
export interface RankClause { path: string; text: string; boost: number }

/** A records search, every field resolved: what the compiler turns into one Elasticsearch request. */
export interface SearchPlan {
  index: string;
  /** The dataset id as the response shows it (with `@domain` when it was addressed so). */
  datasetId: string;
  schema: FieldDef[];
  /** `q` and geofilters. */
  query: Predicate;
  filters: FieldFilter[];
  facets: FacetRequest[];
  sort: SortKey[];
  rows: number;
  start: number;
  /** Fields to return; all when undefined. */
  fields?: FieldDef[];
  /** Relevance, for a sort on `_score`; without it every hit scores the same. */
  rank?: RankClause[];
  /** What to read from `_source` when it is not a record (the catalog). */
  source?: string[];
  /** Stored fields to read beside `_source`: the texts the catalog keeps written (WRITTEN in model/dataset.ts). */
  storedFields?: string[];
  timeZone: string;
  /** Each record read as its index keeps it written (WRITTEN_RECORD), not from `_source`: every field shown, in the zone it was written in. */
  written?: true;
}

/** An export: one query (q, geofilters, refines, excludes), a total order, the fields, a cap. */
export type ExportPlan = Pick<SearchPlan, 'index' | 'datasetId' | 'schema' | 'sort' | 'fields' | 'timeZone'> & {
  query: Predicate;
  limit?: number;
  /** Each record read as its index keeps it written in this field (WRITTEN_RECORD, WRITTEN_CSV), not from `_source`: every field shown, as it was written. */
  written?: WrittenField;
};

/** One compared value of a `distinct` search: a field's indexed value, geographic ones compared by their (finest) tile. */
export interface DistinctKey { path: string; geo: boolean }

/**
 * `datastore_search` with `distinct=true`: the distinct combinations of `keys` among the records
 * `query` keeps, each stood for by its first record (smallest `line`), in `order` (paths of `keys`,
 * or `line` for that first record).
 */
export interface DistinctPlan {
  index: string;
  query: Predicate;
  keys: DistinctKey[];
  order: SortKey[];
}
