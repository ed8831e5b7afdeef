import { errors } from '@elastic/elasticsearch';
import type { MsearchMultiSearchItem, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { AppError } from '../errors/catalogue';
import type { RecordHit } from '../model/searchResult';
import type { Deps } from './deps';
import { joinSplit, splitSearch, SplitSearch } from './splitSearch';

/** How a search is sent. */
export interface SearchOptions {
  /**
   * A page with facets goes as one `_msearch` of its hits and its counts (src/execute/splitSearch.ts):
   * on a repeated page Elasticsearch's request cache answers the counts, the costly half on a large
   * dataset (see `countsApartFor`).
   */
  countsApart?: boolean;
  signal?: AbortSignal;
}

/** Runs one compiled search. A partial answer (failed shards, timed out) is refused rather than shown as complete. */
export async function searchIndex<T = RecordHit>(deps: Deps, request: SearchRequest, { countsApart = false, signal }: SearchOptions = {}): Promise<SearchResponse<T>> {
  const split = countsApart ? splitSearch(request) : null;
  const res = split ? await searchSplit<T>(deps, split, signal) : await deps.es.search<T>(request, { signal });
  if ((res._shards?.failed ?? 0) > 0 || res.timed_out) {
    throw new AppError('search_unavailable', 'The search engine answered only in part. Retry later.', { retryAfterSeconds: 5 });
  }
  return res;
}

async function searchSplit<T>(deps: Deps, split: SplitSearch, signal?: AbortSignal): Promise<SearchResponse<T>> {
  const { index: hitsIndex, ...hits } = split.hits;
  const { index: countsIndex, ...counts } = split.counts;
  const { responses } = await deps.es.msearch<T>({ searches: [{ index: hitsIndex }, hits, { index: countsIndex }, counts] }, { signal });
  const [hitsRes, countsRes] = responses.map(answered);
  return joinSplit(split, hitsRes, countsRes as SearchResponse<unknown>);
}

/** One search of an `_msearch`: its answer, or the error `search` would have thrown for it. */
function answered<T>(item: MsearchMultiSearchItem<T> | { error: unknown; status?: number }): SearchResponse<T> {
  if ('error' in item) {
    throw new errors.ResponseError({ body: item, statusCode: item.status ?? 500, headers: {}, warnings: null, meta: {} as never });
  }
  return item as SearchResponse<T>;
}
