import type { FacetSort } from '../model/recordsRequest';
import type { FacetValue } from '../model/facetGroup';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const num = (s: string): number => { const n = Number(s); return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY; };

/** Orders one level of a facet group (reference/ods-v1.md §3.5); ties by value, ascending. */
export function sortFacetValues(values: FacetValue[], sort: FacetSort): FacetValue[] {
  const cmp: Record<FacetSort, (a: FacetValue, b: FacetValue) => number> = {
    '-count': (a, b) => b.count - a.count || byText(a.path, b.path),
    count: (a, b) => a.count - b.count || byText(a.path, b.path),
    alphanum: (a, b) => byText(a.name, b.name),
    '-alphanum': (a, b) => byText(b.name, a.name),
    num: (a, b) => num(a.name) - num(b.name) || byText(a.name, b.name),
    '-num': (a, b) => num(b.name) - num(a.name) || byText(b.name, a.name),
  };
  return values.sort(cmp[sort]);
}
