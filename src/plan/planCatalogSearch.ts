import { CATALOG_DESC_SORTS, CATALOG_FIELDS, catalogValuePath } from '../schema/catalogFieldCatalog';
import { Access, ALL_GRANTS, Grants } from '../auth/access';
import { AppError } from '../errors/catalogue';
import { catalogVisibility } from './catalogVisibility';
import { catalogPageSource, PACKAGE_SOURCE, type DomainRow, WRITTEN } from '../model/dataset';
import type { CatalogSearchRequest } from '../model/catalogRequest';
import { CATALOG_QUERY_SCHEMA } from '../schema/catalogQuerySchema';
import { planFacets } from './planFacets';
import { planQueries } from './planQueries';
import type { SearchPlan, SortKey } from '../model/searchPlan';
import { sortSpec } from '../model/sortSpec';

const SORTABLE = CATALOG_DESC_SORTS;

/**
 * Catalog `sort` (reference/ods-v1.md §1.1): dates and records_count descending, `-` ascending;
 * `title` A→Z. ods-widgets' `explore.*` popularity sorts have no data here and are ignored.
 */
function catalogSort(sort: readonly string[]): SortKey[] {
  const keys = sort.flatMap((spec): SortKey[] => {
    const { name, dashed: ascending } = sortSpec(spec);
    if (name.startsWith('explore.')) return [];
    if (name === 'title') return [{ path: 't.title.sort', order: ascending ? 'desc' : 'asc' }];
    if (SORTABLE.has(name)) return [{ path: name, order: ascending ? 'asc' : 'desc' }];
    throw new AppError('bad_parameter', `Field ${name.slice(0, 100)} is not sortable (modified, issued, created, records_count, title).`, { parameter: 'sort' });
  });
  return [...keys, { path: 'datasetid', order: 'asc' }];
}

/**
 * A catalog search, as its caller sees it from a domain → a search plan on the catalog index. A
 * JSON page reads each entry's written dataset object (catalogPageSource); other formats read the
 * entries themselves.
 */
export function planCatalogSearch(req: CatalogSearchRequest, scope: DomainRow, access: Access, index: string, now: number, grants: Grants = ALL_GRANTS): SearchPlan {
  const q = planQueries(req.queries, { schema: CATALOG_QUERY_SCHEMA, timeZone: req.timeZone, now });
  const { filters, facets } = planFacets(CATALOG_FIELDS, req, catalogValuePath);
  const visible = catalogVisibility(scope, access, grants);
  return {
    index, datasetId: '', schema: CATALOG_FIELDS,
    query: q.kind === 'all' ? visible : { kind: 'and', clauses: [visible, q] },
    filters, facets, sort: catalogSort(req.sort), rows: req.rows, start: req.start, timeZone: req.timeZone,
    ...(req.format === 'json' || req.format === 'jsonp' ? { source: catalogPageSource(req), storedFields: [WRITTEN.ods] } : { source: PACKAGE_SOURCE }),
  };
}
