import type { RequestQuery } from './recordsRequest';
import { FacetSort } from './recordsRequest';

/** `/api/datasets/1.0/search` (reference/ods-v1.md §1.1), validated. */
export interface CatalogSearchRequest {
  queries: RequestQuery[];
  facets: string[];
  refine: Map<string, string[]>;
  exclude: Map<string, string[]>;
  disjunctive: Set<string>;
  facetsort: Map<string, FacetSort>;
  /** `facetlimit.<f>` (our extension): the most values per level of a facet. */
  facetlimit?: Map<string, number>;
  sort: string[];
  rows: number;
  start: number;
  timeZone: string;
  extrametas: boolean;
  interopmetas: boolean;
  format: 'json' | 'jsonp' | 'csv' | 'rss' | 'atom';
  callback?: string;
  prettyPrint: boolean;
  echo: Record<string, unknown>;
}

/**
 * `package_search` (reference/ckan-d4c.md A2) with the ODS-style parameters portal front-ends
 * send to d4c's `/api/datasets/2.0/search` (refine/exclude/disjunctive/facet/facetsort,
 * `sort=-field`, `format`). `ods` holds the ODS part in the catalog search's own shape.
 */
export interface PackageSearchRequest {
  /** CKAN `q` and `fq` texts, in Solr's syntax, each with the parameter it came in. */
  q?: string;
  fq: string[];
  /** Facets to list under `search_facets` (CKAN `facet.field`, then ODS `facet`), as named. */
  facetFields: string[];
  facetLimit: number;
  facetMincount: number;
  /** CKAN sort clauses `field asc|desc`, when `sort` is written so. */
  ckanSort?: Array<{ field: string; order: 'asc' | 'desc' }>;
  sortText: string;
  includePrivate: boolean;
  includeDrafts: boolean;
  ods: CatalogSearchRequest;
}
