/**
 * The names of a facet group's aggregations: the one spelling that the compiler writes
 * (src/compile/facetAggregations.ts) and the reader reads back (src/results/readFacetGroup.ts).
 *   facet<i>            group i, filtered as its counts must see the request
 *     l1                its first level
 *     x<j> → l          one level below the j-th expanded path
 *     x<j>_l            the same level with no filter around it, for a facet whose refines
 *                       every counted record passes (it is not disjunctive)
 *   facet<i>_l1, facet<i>_x<j>, facet<i>_x<j>_l
 *                       the same levels at the top, for a group whose counts see every match
 *                       (no filter to wrap them in)
 *   facets_<i>_<j>…     groups i, j … whose filters are the same, under that filter once
 *     facet<i>_l1 …     each group's levels, named as at the top
 *   facet<i>_excluded   group i without its own excludes
 *     e<k>              the count of its k-th excluded value
 *   facet<i>_excluded_e<k>
 *                       the same count at the top, when group i without its own excludes
 *                       sees every match
 */
export const FACET_AGG = {
  group: (i: number): string => `facet${i}`,
  firstLevel: 'l1',
  expanded: (j: number): string => `x${j}`,
  below: 'l',
  unfilteredBelow: (j: number): string => `x${j}_l`,
  unwrapped: (i: number, level: string): string => `facet${i}_${level}`,
  sharedGroup: (members: readonly number[]): string => `facets_${members.join('_')}`,
  /** Of some aggregation names, the shared group that holds group `i`, if one does. */
  sharedGroupOf: (i: number, names: readonly string[]): string | undefined =>
    names.find((n) => n.startsWith('facets_') && n.slice('facets_'.length).split('_').includes(String(i))),
  excludedGroup: (i: number): string => `facet${i}_excluded`,
  excluded: (k: number): string => `e${k}`,
  excludedAtTop: (i: number, k: number): string => `facet${i}_excluded_e${k}`,
} as const;
