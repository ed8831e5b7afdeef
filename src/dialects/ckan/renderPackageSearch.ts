import type { PackageSearchResult } from '../../model/packageSearch';
import type { PackageSearchRequest } from '../../model/catalogRequest';
import { ckanFacets } from './ckanFacets';
import { d4cPackage } from '../../catalog/d4cPackage';
import { jsonText } from '../../text/jsonText';
import { organizationDict, packageDict } from '../../catalog/packageDict';
import type { Body, Rendered } from '../../render/rendered';
import { jsonArrayParts, jsonObjectParts } from '../../render/jsonObjectParts';
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
export function renderPackageSearch(r: PackageSearchResult, req: PackageSearchRequest, flavour: PackageSearchFlavour): Rendered<Body> {
  const head = { count: r.count, sort: r.plan.sort, ...ckanFacets(r.plan.facets, r.groups, req.facetLimit, req.facetMincount) };
  const [before, after] = flavour.kind === 'action'
    ? [{ help: flavour.help, success: true }, {}]
    : [{ success: true }, { all_organizations: (r.organizations ?? []).map((title) => ({ ...organizationDict(title), extras: [] })) }];
  // A compact page: the package dicts as the catalog index keeps them written, one part each (their bytes, sent as they are).
  if ('written' in r) return jsonAnswer(jsonObjectParts(before, 'result', jsonObjectParts(head, 'results', jsonArrayParts(r.written), {}), after), req.ods);
  if (req.ods.format === 'csv') return catalogCsv(r.hits);
  const results = r.hits.map(flavour.kind === 'd4c' ? d4cPackage : packageDict);
  if (req.ods.prettyPrint) return jsonAnswer(jsonText({ ...before, result: { ...head, results }, ...after }, true), req.ods);
  // One part per package: a page of 50 long descriptions is not flattened into one string before it is encoded.
  const result = jsonObjectParts(head, 'results', jsonArrayParts(results.map((p) => jsonText(p, false))), {});
  return jsonAnswer(jsonObjectParts(before, 'result', result, after), req.ods);
}
