import type { Access } from '../auth/access';
import { compileSearch } from '../compile/compileSearch';
import type { Deps } from '../execute/deps';
import type { SearchHit, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { searchInPieces, type LaterPieces } from '../execute/searchInPieces';
import type { SearchOptions } from '../execute/searchIndex';
import type { CatalogSearchRequest } from '../model/catalogRequest';
import { type CatalogHit, type CatalogPageHit, type PackageHit, WRITTEN } from '../model/dataset';
import type { FacetGroup } from '../model/facetGroup';
import type { SearchPlan } from '../model/searchPlan';
import { planCatalogSearch } from '../plan/planCatalogSearch';
import { readCatalogPageHit } from '../results/readCatalogPageHit';
import { readFacetGroup } from '../results/readFacetGroup';
import { totalHits } from '../results/totalHits';
import { catalogAlias } from '../schema/indexNames';
import { resolveDomain } from './resolveDataset';

/** A page of the catalog: the exact total, the entries, and the facet groups when some were asked for. */
export interface CatalogSearchResult<T = CatalogHit> { nhits: number; hits: T[]; groups?: FacetGroup[] }

/** A catalog search's answer: the total, the entries (each hit read by `read`), and the facet groups when some were asked for. */
function readCatalog<S, T>(plan: SearchPlan, res: SearchResponse<S>, read: (hit: SearchHit<S>) => T): CatalogSearchResult<T> {
  const aggregations = (res.aggregations ?? {}) as Record<string, unknown>;
  return {
    nhits: totalHits(res),
    hits: res.hits.hits.map(read),
    ...(plan.facets.length ? { groups: plan.facets.map((f, i) => readFacetGroup(f, i, aggregations)) } : {}),
  };
}

/**
 * Entries per piece of a JSON catalog page, from the records' piece size: a quarter of it, since
 * each written dataset object carries its schema (5 KB on average in the Paris catalog, up to
 * 71 KB), where most records weigh under 2 KB. A piece is held twice while it
 * is sent (the client's parsed answer, then the text written), so its size is what each large
 * page costs the API at once: 16 pages of 10,000 entries sent together took it to 514 MB in pieces
 * of 200 entries, and to 273 MB in pieces of 50.
 */
export const catalogPieceRows = (pieceRows: number): number => Math.max(1, Math.ceil(pieceRows / 4));

/**
 * ODS catalog search (reference/ods-v1.md §1.1) for a JSON page (`json`, `jsonp`): resolve the
 * domain → plan (with the caller's visibility) → Elasticsearch → read, each entry as its written dataset object
 * (src/catalog/catalogPageText.ts). A page of more than `catalogPieceRows(pieceRows)` entries is read in pieces
 * (src/execute/searchInPieces.ts): `hits` holds the first, `more` the others as they are asked for.
 */
export const runCatalogPage = (deps: Deps, access: Access, req: CatalogSearchRequest, now: number, pieceRows: number): Promise<PiecedCatalog<CatalogPageHit>> =>
  catalogInPieces(deps, access, req, now, catalogPieceRows(pieceRows), readCatalogPageHit, { written: WRITTEN.ods });

/** The same search for the CSV, RSS and Atom forms: each entry without its schema, a page of more than `pieceRows` entries read in pieces. */
export const runCatalogEntries = (deps: Deps, access: Access, req: CatalogSearchRequest, now: number, pieceRows: number): Promise<PiecedCatalog<PackageHit>> =>
  catalogInPieces<PackageHit, PackageHit>(deps, access, req, now, pieceRows, (hit) => hit._source!);

/** A catalog page whose first piece is read: the total, its entries, the facet groups, and the later pieces if there are. */
export type PiecedCatalog<T> = CatalogSearchResult<T> & { more?: LaterPieces<T> };

/**
 * A catalog page, each entry read as the plan chose for the request's format (planCatalogSearch:
 * the written object for JSON and JSONP, the entry without its schema for the others), then made
 * by `read` into what the page writes; `options.written` names the written text its hits read.
 */
async function catalogInPieces<S, T>(deps: Deps, access: Access, req: CatalogSearchRequest, now: number, pieceRows: number, read: (hit: SearchHit<S>) => T, options: SearchOptions = {}): Promise<PiecedCatalog<T>> {
  const scope = await resolveDomain(deps, access.domain);
  const plan = planCatalogSearch(req, scope, access, catalogAlias(deps.indexPrefix), now);
  const { first, rest } = await searchInPieces<S>(deps, compileSearch(plan), pieceRows, options);
  return { ...readCatalog(plan, first, read), ...(rest ? { more: { pieces: sources(rest.pieces, read), release: rest.release } } : {}) };
}

async function* sources<S, T>(pieces: AsyncGenerator<SearchHit<S>[]>, read: (hit: SearchHit<S>) => T): AsyncGenerator<T[]> {
  for await (const piece of pieces) yield piece.map(read);
}
