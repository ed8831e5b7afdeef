import type { Predicate } from './predicate';
import type { SearchPlan } from './searchPlan';
import type { FacetGroup } from './facetGroup';
import type { PackageHit } from './dataset';

/** A facet as `search_facets` lists it: the catalog field it counts, and how its items are named. */
export interface PackageFacet {
  name: string;
  field: string;
  /** Items named by the value's slug (organizations, groups), the value being the display name. */
  slug: boolean;
  /** Values never listed (d4c hides these `features`). */
  hidden: readonly string[];
}

export interface PackageSearchPlan { search: SearchPlan; facets: PackageFacet[]; sort: string; visibility: Predicate }

export interface PackageSearchResult {
  plan: PackageSearchPlan;
  count: number;
  hits: PackageHit[];
  /** Facet groups by catalog field. */
  groups: Map<string, FacetGroup>;
  /** Every publisher the caller may see, whatever the query (d4c's `all_organizations`). */
  organizations?: string[];
}
