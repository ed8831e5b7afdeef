import { AppError } from '../../errors/catalogue';
import { FACET_SORTS, FacetSort } from '../../model/recordsRequest';
import type { ParamReader } from './paramReader';
import { MAX_FACET_VALUES } from '../../facets/valueFacet';

/** The ODS facet family but `facet` itself, as every endpoint that speaks it reads it (reference/ods-v1.md §2.4). */
export interface FacetFamily {
  refine: Map<string, string[]>;
  exclude: Map<string, string[]>;
  disjunctive: Set<string>;
  facetsort: Map<string, FacetSort>;
  /** `facetlimit.<f>` (our extension, not ODS): the most values each level of `f` lists. */
  facetlimit: Map<string, number>;
}

function facetsorts(r: ParamReader): Map<string, FacetSort> {
  const out = new Map<string, FacetSort>();
  for (const [field, values] of r.family('facetsort')) {
    const parameter = `facetsort.${field}`;
    if (values.length > 1) throw new AppError('bad_parameter', `Parameter ${parameter} must be given once.`, { parameter });
    if (!(FACET_SORTS as readonly string[]).includes(values[0])) throw new AppError('bad_parameter', `Invalid ${parameter}: must be one of ${FACET_SORTS.join(', ')}`, { parameter });
    out.set(field, values[0] as FacetSort);
  }
  return out;
}

/** `facetlimit.<f>`: a whole number from 1 to MAX_FACET_VALUES, once per field. */
function facetlimits(r: ParamReader): Map<string, number> {
  const out = new Map<string, number>();
  for (const [field, values] of r.family('facetlimit')) {
    const parameter = `facetlimit.${field}`;
    if (values.length > 1) throw new AppError('bad_parameter', `Parameter ${parameter} must be given once.`, { parameter });
    const n = /^\d{1,4}$/.test(values[0]) ? Number(values[0]) : Number.NaN;
    if (!(n >= 1 && n <= MAX_FACET_VALUES)) throw new AppError('bad_parameter', `Invalid ${parameter}: must be a whole number from 1 to ${MAX_FACET_VALUES}.`, { parameter });
    out.set(field, n);
  }
  return out;
}

/** `refine.<f>`, `exclude.<f>` (repeatable), `disjunctive.<f>=true` and `facetsort.<f>`, `facetlimit.<f>` (once): read once, the same for records, catalog, DataStore and package search. */
export function facetFamily(r: ParamReader): FacetFamily {
  return {
    refine: r.family('refine'),
    exclude: r.family('exclude'),
    disjunctive: new Set([...r.family('disjunctive')].filter(([, v]) => v.includes('true')).map(([f]) => f)),
    facetsort: facetsorts(r),
    facetlimit: facetlimits(r),
  };
}
