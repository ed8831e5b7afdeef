import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import type { PackageSearchPlan } from '../model/packageSearch';
import { compilePredicate } from './compilePredicate';
import { compileSearch } from './compileSearch';

/** The aggregation of d4c's `all_organizations`: the publishers visible to the caller, whatever the query. */
export const ALL_ORGANIZATIONS = 'all_organizations';

/**
 * package_search → one request: the catalog search of its plan and, for data4citizen, the
 * publishers the caller may see (a `global` aggregation under the visibility filter only).
 */
export function compilePackageSearch(plan: PackageSearchPlan, organizations: boolean): SearchRequest {
  const body = compileSearch(plan.search);
  if (!organizations) return body;
  const orgs = { terms: { field: 'publisher', size: 1000, order: { _key: 'asc' as const } } };
  return { ...body, aggs: { ...body.aggs, [ALL_ORGANIZATIONS]: { global: {}, aggs: { visible: { filter: compilePredicate(plan.visibility), aggs: { orgs } } } } } };
}
