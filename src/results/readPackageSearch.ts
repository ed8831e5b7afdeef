import type { SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { ALL_ORGANIZATIONS } from '../compile/compilePackageSearch';
import { type PackageHit, WRITTEN } from '../model/dataset';
import { writtenBytes } from './writtenBytes';
import type { PackageSearchPlan, PackageSearchResult } from '../model/packageSearch';
import { readFacetGroup } from './readFacetGroup';
import { totalHits } from './totalHits';

/** A package_search answer → the count, the catalog entries (or their written package dicts' bytes), the facet groups by field and, when asked, the visible publishers. */
export function readPackageSearch(plan: PackageSearchPlan, res: SearchResponse<PackageHit>): PackageSearchResult {
  const aggs = (res.aggregations ?? {}) as Record<string, unknown>;
  const buckets = (aggs[ALL_ORGANIZATIONS] as { visible?: { orgs?: { buckets?: Array<{ key: string }> } } } | undefined)?.visible?.orgs?.buckets;
  const { written } = plan;
  return {
    plan,
    ...(written
      ? { written: res.hits.hits.map((h) => writtenBytes(h, WRITTEN[written])) }
      : { hits: res.hits.hits.map((h) => h._source!) }),
    count: totalHits(res),
    groups: new Map(plan.search.facets.map((f, i) => [f.name, readFacetGroup(f, i, aggs)])),
    ...(buckets ? { organizations: buckets.map((b) => b.key) } : {}),
  };
}
