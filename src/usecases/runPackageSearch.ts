import type { Access } from '../auth/access';
import { compilePackageSearch } from '../compile/compilePackageSearch';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { PackageSearchRequest } from '../model/catalogRequest';
import { type PackageFlavour, type PackageHit, WRITTEN } from '../model/dataset';
import type { PackageSearchResult } from '../model/packageSearch';
import { planPackageSearch } from '../plan/planPackageSearch';
import { readPackageSearch } from '../results/readPackageSearch';
import { catalogAlias } from '../schema/indexNames';
import { resolveDomain } from './resolveDataset';

/**
 * package_search: resolve the domain → plan → one Elasticsearch request → read: the package dicts
 * of `flavour` as the catalog index keeps them written, or the catalog documents they are made of.
 */
export async function runPackageSearch(deps: Deps, access: Access, req: PackageSearchRequest, options: { flavour: PackageFlavour; organizations: boolean; now: number }): Promise<PackageSearchResult> {
  const scope = await resolveDomain(deps, access.domain);
  const plan = planPackageSearch(req, scope, access, catalogAlias(deps.indexPrefix), options.now, options.flavour);
  const written = plan.written === undefined ? {} : { written: WRITTEN[plan.written] };
  return readPackageSearch(plan, await searchIndex<PackageHit>(deps, compilePackageSearch(plan, options.organizations), written));
}
