import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import type { Access } from '../auth/access';
import { compilePredicate } from '../compile/compilePredicate';
import { compileSearch } from '../compile/compileSearch';
import { readFacetGroup } from '../results/readFacetGroup';
import { catalogAlias } from '../schema/indexNames';
import type { PackageSearchRequest } from '../model/catalogRequest';
import { planPackageSearch } from '../plan/planPackageSearch';
import { PackageSearchPlan } from '../model/packageSearch';
import type { PackageHit } from '../model/dataset';
import type { Deps } from '../execute/deps';
import { resolveDomain } from './resolveDataset';
import type { PackageSearchResult } from '../model/packageSearch';

/** The publishers visible to the caller: one more aggregation in the same request, over the visibility filter only. */
function withOrganizations(body: SearchRequest, plan: PackageSearchPlan): SearchRequest {
  const orgs = { terms: { field: 'publisher', size: 1000, order: { _key: 'asc' as const } } };
  return { ...body, aggs: { ...body.aggs, all_organizations: { global: {}, aggs: { visible: { filter: compilePredicate(plan.visibility), aggs: { orgs } } } } } };
}

/** package_search: resolve the domain → plan → one Elasticsearch request (the package dicts are rendered from the catalog documents). */
export async function runPackageSearch(deps: Deps, access: Access, req: PackageSearchRequest, options: { organizations: boolean; now: number }): Promise<PackageSearchResult> {
  const scope = await resolveDomain(deps, access.domain);
  const plan = planPackageSearch(req, scope, access, catalogAlias(deps.indexPrefix), options.now);
  const body = compileSearch(plan.search);
  const res = await deps.es.search<PackageHit>(options.organizations ? withOrganizations(body, plan) : body);
  const aggs = (res.aggregations ?? {}) as Record<string, unknown>;
  const hits = res.hits.hits.map((h) => h._source!);
  const total = res.hits.total;
  const buckets = (aggs.all_organizations as { visible?: { orgs?: { buckets?: Array<{ key: string }> } } } | undefined)?.visible?.orgs?.buckets;
  return {
    plan, hits,
    count: typeof total === 'number' ? total : total?.value ?? 0,
    groups: new Map(plan.search.facets.map((f, i) => [f.name, readFacetGroup(f, i, aggs)])),
    ...(buckets ? { organizations: buckets.map((b) => b.key) } : {}),
  };
}
