import type { Access } from '../auth/access';
import { DomainRow, PACKAGE_SOURCE, type PackageFlavour, WRITTEN } from '../model/dataset';
import { AppError } from '../errors/catalogue';
import type { PackageSearchRequest } from '../model/catalogRequest';
import { catalogVisibility } from './catalogVisibility';
import { withReading } from './catalogReading';
import { planCatalogSearch } from './planCatalogSearch';
import { planSolrQueries } from './planSolrQueries';
import { CATALOG_FIELD_CATALOG } from '../schema/catalogFieldCatalog';
import type { Predicate } from '../model/predicate';
import type { SortKey } from '../model/searchPlan';
import type { PackageFacet, PackageSearchPlan } from '../model/packageSearch';
import { sortSpec } from '../model/sortSpec';

/** Facet names of CKAN and d4c → catalog field (ODS names map to themselves). */
const FACETS = new Map<string, Omit<PackageFacet, 'name'>>(Object.entries({
  organization: { field: 'publisher', slug: true, hidden: [] },
  groups: { field: 'theme', slug: true, hidden: [] },
  tags: { field: 'keyword', slug: false, hidden: [] },
  themes: { field: 'theme', slug: false, hidden: [] },
  license_id: { field: 'license', slug: false, hidden: [] },
  features: { field: 'features', slug: false, hidden: ['api', 'table', 'timeserie'] },
  ...Object.fromEntries(CATALOG_FIELD_CATALOG.filter((f) => f.facet && f.name !== 'features').map((f) => [f.name, { field: f.name, slug: false, hidden: [] }])),
}));

/** CKAN sort fields → catalog sort paths. Popularity (views, downloads) is not kept and sorts nothing. */
const SORTS = new Map<string, string | null>(Object.entries({
  score: '_score', rank: '_score', metadata_modified: 'modified', modified: 'modified', metadata_created: 'created', created: 'created',
  issued: 'issued', title: 't.title.sort', title_string: 't.title.sort', name: 'datasetid', id: 'datasetid',
  records_count: 'records_count', organization: 'organization', nb_views: null, nb_download: null, views_recent: null, views_total: null,
}));
/** ODS-style sort names this endpoint also accepts under their CKAN names. */
const ODS_SORT_ALIASES = new Map([['metadata_modified', 'modified'], ['metadata_created', 'created'], ['title_string', 'title']]);

export const DEFAULT_PACKAGE_SORT = 'score desc, metadata_modified desc';

function facetsOf(names: readonly string[]): PackageFacet[] {
  return names.map((name) => {
    const facet = FACETS.get(name);
    if (!facet) throw new AppError('bad_parameter', `Unknown facet "${name.slice(0, 100)}": use ${[...FACETS.keys()].join(', ')}`, { parameter: 'facet.field' });
    return { name, ...facet };
  });
}

/**
 * The relevance of CKAN's documented default (`relevance asc, metadata_modified desc`) and of the
 * data4citizen document's French rendering (`pertinence asc, …`): a rank, so `asc` puts the most
 * relevant first (score descending) and `desc` the least relevant.
 */
const RELEVANCE = new Set(['relevance', 'pertinence']);

function ckanSort(clauses: NonNullable<PackageSearchRequest['ckanSort']>): SortKey[] {
  const keys = clauses.flatMap(({ field, order }): SortKey[] => {
    if (RELEVANCE.has(field.toLowerCase())) return [{ path: '_score', order: order === 'asc' ? 'desc' : 'asc' }];
    const path = SORTS.get(field);
    if (path === undefined) throw new AppError('bad_query', `Invalid "sort" parameter: cannot sort by "${field.slice(0, 100)}" (${[...SORTS.keys(), ...RELEVANCE].join(', ')}).`, { parameter: 'sort' });
    return path === null ? [] : [{ path, order }];
  });
  return [...keys, { path: 'datasetid', order: 'asc' }];
}

/**
 * `package_search` → the catalog search it is: the ODS-style part planned as a catalog search (with
 * the caller's grants from `include_private`/`include_drafts`), then CKAN's `q` and `fq` ANDed in,
 * and CKAN's sort (default: relevance, ranked as CKAN's dismax weighs fields, then most recently
 * modified). A compact JSON page (`json`, `jsonp`, not pretty-printed) of `flavour`'s package dicts
 * reads them written; the others read the catalog documents they are made of.
 */
export function planPackageSearch(req: PackageSearchRequest, scope: DomainRow, access: Access, index: string, now: number, flavour: PackageFlavour = 'ckan'): PackageSearchPlan {
  const grants = { private: req.includePrivate, drafts: req.includeDrafts };
  const facets = facetsOf(req.facetFields);
  // CKAN reads a bare `sort=rank` as its default sort (reference/ckan-d4c.md A2).
  const odsSort = req.ods.sort.flatMap((s) => {
    const { name, dashed } = sortSpec(s);
    return s === 'rank' || SORTS.get(name) === null ? [] : [`${dashed ? '-' : ''}${ODS_SORT_ALIASES.get(name) ?? name}`];
  });
  const base = planCatalogSearch({ ...req.ods, sort: odsSort, facets: [...new Set(facets.map((f) => f.field))] }, scope, access, index, now, grants);
  const sort = req.ckanSort ? ckanSort(req.ckanSort) : odsSort.length ? base.sort : ckanSort([{ field: 'score', order: 'desc' }, { field: 'metadata_modified', order: 'desc' }]);
  const solr = planSolrQueries(req.q, req.fq, { timeZone: req.ods.timeZone, now, ranked: sort.some((k) => k.path === '_score') });
  const query: Predicate = solr.predicates.length ? { kind: 'and', clauses: [base.query, ...solr.predicates] } : base.query;
  const written = req.ods.format !== 'csv' && !req.ods.prettyPrint;
  return {
    // A package page reads its own written texts, or the documents: not the ODS page's written object.
    search: withReading({ ...base, query, sort, ...(solr.rank.length ? { rank: solr.rank } : {}) }, written ? { source: ['datasetid'], storedFields: [WRITTEN[flavour]] } : { source: PACKAGE_SOURCE }),
    ...(written ? { written: flavour } : {}),
    facets,
    sort: req.ckanSort ? req.sortText : odsSort.length ? odsSort.join(',') : DEFAULT_PACKAGE_SORT,
    visibility: catalogVisibility(scope, access, grants),
  };
}
