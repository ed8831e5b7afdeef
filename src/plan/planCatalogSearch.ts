import { CATALOG_FIELDS, catalogValuePath } from '../catalog/catalogFields';
import { AppError } from '../errors/catalogue';
import type { DomainRow } from '../execute/datasetStore';
import type { CatalogSearchRequest } from '../params/catalogSearchParams';
import { CATALOG_QUERY_SCHEMA } from './catalogQuerySchema';
import { planFacets } from './planFacets';
import { planQueries } from './planQueries';
import type { Predicate } from './predicate';
import type { SearchPlan, SortKey } from './searchPlan';

const SORTABLE: Record<string, string> = { modified: 'modified', issued: 'issued', created: 'created', records_count: 'records_count' };

/** What an anonymous caller of a domain may see: public, published datasets of the domain (or of the platform, when the domain includes them). */
export function visibleInDomain(scope: DomainRow): Predicate {
  const clauses: Predicate[] = [
    { kind: 'term', path: 'visibility', value: 'public' },
    { kind: 'term', path: 'state', value: 'published' },
    ...(scope.includePublic ? [] : [{ kind: 'term', path: 'domain', value: scope.id } as Predicate]),
  ];
  return { kind: 'and', clauses };
}

/**
 * Catalog `sort` (reference/ods-v1.md §1.1): dates and records_count descending, `-` ascending;
 * `title` A→Z. ods-widgets' `explore.*` popularity sorts have no data here and are ignored.
 */
function catalogSort(sort: readonly string[]): SortKey[] {
  const keys = sort.flatMap((spec): SortKey[] => {
    const ascending = spec.startsWith('-');
    const name = spec.replace(/^-/, '');
    if (name.startsWith('explore.')) return [];
    if (name === 'title') return [{ path: 't.title.sort', order: ascending ? 'desc' : 'asc' }];
    if (SORTABLE[name]) return [{ path: SORTABLE[name], order: ascending ? 'asc' : 'desc' }];
    throw new AppError('bad_parameter', `Field ${name.slice(0, 100)} is not sortable (modified, issued, created, records_count, title).`, { parameter: 'sort' });
  });
  return [...keys, { path: 'datasetid', order: 'asc' }];
}

/** A catalog search, as seen from a domain by an anonymous caller → a search plan on the catalog index. */
export function planCatalogSearch(req: CatalogSearchRequest, scope: DomainRow, index: string, now: number): SearchPlan {
  const q = planQueries(req.queries, { schema: CATALOG_QUERY_SCHEMA, timeZone: req.timeZone, now });
  const { filters, facets } = planFacets(CATALOG_FIELDS, req, catalogValuePath);
  const visible = visibleInDomain(scope);
  return {
    index, datasetId: '', schema: CATALOG_FIELDS,
    query: q.kind === 'all' ? visible : { kind: 'and', clauses: [visible, q] },
    filters, facets, sort: catalogSort(req.sort), rows: req.rows, start: req.start, timeZone: req.timeZone,
    source: ['datasetid', 'has_records', 'features', 'dataset'],
  };
}
