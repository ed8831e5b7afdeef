import type { Predicate } from './predicate';
import type { SearchPlan } from './searchPlan';
import type { FacetGroup } from './facetGroup';
import type { PackageFlavour, PackageHit } from './dataset';

/** A facet as `search_facets` lists it: the catalog field it counts, and how its items are named. */
export interface PackageFacet {
  name: string;
  field: string;
  /** Items named by the value's slug (organizations, groups), the value being the display name. */
  slug: boolean;
  /** Values never listed (d4c hides these `features`). */
  hidden: readonly string[];
}

/** A package_search plan; `written` when the page is sent from the package dicts the catalog index keeps written (a compact JSON page). */
export interface PackageSearchPlan { search: SearchPlan; facets: PackageFacet[]; sort: string; visibility: Predicate; written?: PackageFlavour }

/**
 * A package_search answer: the count, the facet groups and, when asked, the visible publishers;
 * and the entries, as catalog documents (`hits`) or, for a plan with `written`, as their package
 * dicts' UTF-8 bytes (`written`).
 */
export type PackageSearchResult = {
  plan: PackageSearchPlan;
  count: number;
  /** Facet groups by catalog field. */
  groups: Map<string, FacetGroup>;
  /** Every publisher the caller may see, whatever the query (d4c's `all_organizations`). */
  organizations?: string[];
} & ({ hits: PackageHit[] } | { written: Uint8Array[] });
