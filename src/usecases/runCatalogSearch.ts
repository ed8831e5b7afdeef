import type { Access } from '../auth/access';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { CatalogSearchRequest } from '../model/catalogRequest';
import type { CatalogHit } from '../model/dataset';
import type { FacetGroup } from '../model/facetGroup';
import { planCatalogSearch } from '../plan/planCatalogSearch';
import { readFacetGroup } from '../results/readFacetGroup';
import { totalHits } from '../results/totalHits';
import { catalogAlias } from '../schema/indexNames';
import { resolveDomain } from './resolveDataset';

/** A page of the catalog: the exact total, the entries, and the facet groups when some were asked for. */
export interface CatalogSearchResult { nhits: number; hits: CatalogHit[]; groups?: FacetGroup[] }

/** ODS catalog search (reference/ods-v1.md §1.1): resolve the domain → plan (with the caller's visibility) → one request → read. */
export async function runCatalogSearch(deps: Deps, access: Access, req: CatalogSearchRequest, now: number): Promise<CatalogSearchResult> {
  const scope = await resolveDomain(deps, access.domain);
  const plan = planCatalogSearch(req, scope, access, catalogAlias(deps.indexPrefix), now);
  const res = await searchIndex<CatalogHit>(deps, compileSearch(plan));
  const aggregations = (res.aggregations ?? {}) as Record<string, unknown>;
  return {
    nhits: totalHits(res),
    hits: res.hits.hits.map((h) => h._source!),
    ...(plan.facets.length ? { groups: plan.facets.map((f, i) => readFacetGroup(f, i, aggregations)) } : {}),
  };
}
