import type { PackageSearchResult } from '../../model/packageSearch';
import type { PackageSearchRequest } from '../../model/catalogRequest';
import { ckanFacets } from './ckanFacets';
import { d4cPackage } from './d4cPackage';
import { jsonText } from '../../text/jsonText';
import { organizationDict, packageDict } from './packageDict';
import type { Rendered } from '../../render/rendered';
import { catalogCsv } from '../../render/catalogCsv';
import { jsonAnswer } from '../../render/jsonAnswer';

/** Which flavour of the answer: CKAN's action API (with `help`) or data4citizen's 2.0 route. */
export type PackageSearchFlavour = { kind: 'action'; help: string } | { kind: 'd4c' };

/**
 * `package_search` in the CKAN envelope (reference/ckan-d4c.md A2, B4): `count`, `sort`,
 * `results` as package dicts, `facets` and `search_facets`. data4citizen's flavour has no `help`,
 * its own package additions and `all_organizations`. `format=csv` gives the ODS catalog CSV of
 * the page; `jsonp` wraps the JSON.
 */
export function renderPackageSearch(r: PackageSearchResult, req: PackageSearchRequest, flavour: PackageSearchFlavour): Rendered {
  if (req.ods.format === 'csv') return catalogCsv(r.hits);
  const toDict = flavour.kind === 'd4c' ? d4cPackage : packageDict;
  const result = { count: r.count, sort: r.plan.sort, ...ckanFacets(r.plan.facets, r.groups, req.facetLimit, req.facetMincount), results: r.hits.map(toDict) };
  const body = flavour.kind === 'action'
    ? { help: flavour.help, success: true, result }
    : { success: true, result, all_organizations: (r.organizations ?? []).map((title) => ({ ...organizationDict(title), extras: [] })) };
  const json = jsonText(body, req.ods.prettyPrint);
  return jsonAnswer(json, req.ods);
}
