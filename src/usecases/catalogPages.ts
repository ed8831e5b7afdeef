import type { Access } from '../auth/access';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import { searchIndex } from '../execute/searchIndex';
import type { CatalogSearchRequest } from '../model/catalogRequest';
import type { Predicate } from '../model/predicate';
import { withReading } from '../plan/catalogReading';
import { planCatalogSearch } from '../plan/planCatalogSearch';
import { catalogAlias } from '../schema/indexNames';
import { resolveDomain } from './resolveDataset';

/**
 * The entries of a catalog search, as much of each as `source` names (the schema is the bulk of
 * an entry: read it only where it is shown), `pageSize` at a time in id order, up to the request's `rows`: each page asks for the entries after the last id of the one
 * before (`search_after`), so that memory holds one page and an entry published or changed meanwhile
 * comes once at most, every other exactly once. The request's own sort, start and facets are not used;
 * `narrowing` keeps only the entries that meet each of its predicates (on catalog index paths).
 */
export async function* catalogPages<T extends { datasetid: string }>(deps: Deps, access: Access, req: CatalogSearchRequest, now: number, pageSize: number, source: string[], narrowing: Predicate[] = []): AsyncGenerator<T[]> {
  const scope = await resolveDomain(deps, access.domain);
  const plan = planCatalogSearch({ ...req, start: 0, sort: [], facets: [] }, scope, access, catalogAlias(deps.indexPrefix), now);
  const query: Predicate = narrowing.length ? { kind: 'and', clauses: [plan.query, ...narrowing] } : plan.query;
  const body = { ...compileSearch({ ...withReading(plan, { source }), query, rows: pageSize, sort: [{ path: 'datasetid', order: 'asc' }] }), track_total_hits: false };
  let after: string | undefined;
  for (let left = req.rows; left > 0;) {
    const size = Math.min(pageSize, left);
    const res = await searchIndex<T>(deps, { ...body, size, ...(after !== undefined ? { search_after: [after] } : {}) });
    const hits = res.hits.hits.map((h) => h._source!);
    if (hits.length > 0) yield hits;
    if (hits.length < size) return;
    left -= hits.length;
    after = hits[hits.length - 1].datasetid;
  }
}
