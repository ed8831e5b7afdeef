import type { Access } from '../auth/access';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { CatalogSearchRequest } from '../model/catalogRequest';
import { CATALOG_HIT_SOURCE, catalogPageSource, type CatalogHit, type CatalogPageHit } from '../model/dataset';
import type { FacetGroup } from '../model/facetGroup';
import type { SearchPlan } from '../model/searchPlan';
import { planCatalogSearch } from '../plan/planCatalogSearch';
import { readFacetGroup } from '../results/readFacetGroup';
import { totalHits } from '../results/totalHits';
import { catalogAlias } from '../schema/indexNames';
import { resolveDomain } from './resolveDataset';

/** A page of the catalog: the exact total, the entries, and the facet groups when some were asked for. */
export interface CatalogSearchResult<T = CatalogHit> { nhits: number; hits: T[]; groups?: FacetGroup[] }

async function searchCatalog<T>(deps: Deps, access: Access, req: CatalogSearchRequest, now: number, read: (plan: SearchPlan) => SearchPlan): Promise<CatalogSearchResult<T>> {
  const scope = await resolveDomain(deps, access.domain);
  const plan = read(planCatalogSearch(req, scope, access, catalogAlias(deps.indexPrefix), now));
  const res = await searchIndex<T>(deps, compileSearch(plan));
  const aggregations = (res.aggregations ?? {}) as Record<string, unknown>;
  return {
    nhits: totalHits(res),
    hits: res.hits.hits.map((h) => h._source!),
    ...(plan.facets.length ? { groups: plan.facets.map((f, i) => readFacetGroup(f, i, aggregations)) } : {}),
  };
}

/**
 * ODS catalog search (reference/ods-v1.md §1.1): resolve the domain → plan (with the caller's
 * visibility) → one request → read, each entry whole (CSV, feeds, DCAT, OGC collections).
 */
export const runCatalogSearch = (deps: Deps, access: Access, req: CatalogSearchRequest, now: number): Promise<CatalogSearchResult> =>
  searchCatalog<CatalogHit>(deps, access, req, now, (plan) => ({ ...plan, source: CATALOG_HIT_SOURCE }));

/** The same search for a JSON page (`json`, `jsonp`): each entry as its written dataset object (src/catalog/catalogPageText.ts). */
export const runCatalogPage = (deps: Deps, access: Access, req: CatalogSearchRequest, now: number): Promise<CatalogSearchResult<CatalogPageHit>> =>
  searchCatalog<CatalogPageHit>(deps, access, req, now, (plan) => ({ ...plan, source: catalogPageSource(req) }));
