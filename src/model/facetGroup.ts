export type FacetState = 'displayed' | 'refined' | 'excluded';

/** One value of a facet group (reference/ods-v1.md §2.4), with its next level when expanded. */
export interface FacetValue { name: string; path: string; count: number; state: FacetState; facets?: FacetValue[] }

export interface FacetGroup { name: string; facets: FacetValue[] }
