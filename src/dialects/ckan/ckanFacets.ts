import type { FacetGroup, FacetValue } from '../../model/facetGroup';
import type { PackageFacet } from '../../model/packageSearch';
import { slug } from '../../text/slug';

export interface CkanFacetItem { name: string; display_name: string; count: number }
export interface CkanFacets {
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { title: string; items: CkanFacetItem[] }>;
}

/** Every listed value of a group, depth first (a refined date lists its months after it), named by its path. */
function flatten(values: readonly FacetValue[]): FacetValue[] {
  return values.flatMap((v) => [v, ...flatten(v.facets ?? [])]);
}

/**
 * Facet groups → CKAN's `facets` (`{field: {name: count}}`, deprecated) and `search_facets`
 * (reference/ckan-d4c.md A2): at least `mincount` hits, the `limit` most frequent (negative: all),
 * then ordered by display name descending as CKAN does. Organizations and groups are named by slug
 * and displayed by title.
 */
export function ckanFacets(facets: readonly PackageFacet[], groups: ReadonlyMap<string, FacetGroup>, limit: number, mincount: number): CkanFacets {
  const out: CkanFacets = { facets: {}, search_facets: {} };
  for (const facet of facets) {
    const values = flatten(groups.get(facet.field)?.facets ?? [])
      .filter((v) => v.state !== 'excluded' && v.count >= mincount && !facet.hidden.includes(v.path))
      .sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1));
    const kept = limit < 0 ? values : values.slice(0, limit);
    const items = kept.map((v) => ({ name: facet.slug ? slug(v.path) : v.path, display_name: facet.slug ? v.path : v.name, count: v.count }))
      .sort((a, b) => (a.display_name < b.display_name ? 1 : a.display_name > b.display_name ? -1 : 0));
    out.facets[facet.name] = Object.fromEntries(items.map((i) => [i.name, i.count]));
    out.search_facets[facet.name] = { title: facet.name, items };
  }
  return out;
}
