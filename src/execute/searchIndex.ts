import { errors } from '@elastic/elasticsearch';
import type { MsearchMultiSearchItem, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { AppError } from '../errors/catalogue';
import type { RecordHit } from '../model/searchResult';
import type { Deps } from './deps';
import { joinSplit, splitSearch, SplitSearch } from './splitSearch';
import { msearchWritten, searchWritten } from './searchWritten';

/** How a search is sent. */
export interface SearchOptions {
  /**
   * A page goes as one `_msearch` of its hits and its counting searches (src/execute/splitSearch.ts
   * says which pages): the hits count nothing, so Elasticsearch stops or skips early; on a repeated
   * page its request cache answers the counts, the costly part on a large dataset (see
   * `countsApartFor`).
   */
  countsApart?: boolean;
  /**
   * The binary field each hit reads, a text the index keeps written (WRITTEN_RECORD, the catalog's
   * WRITTEN): its values are cut from the answer's bytes before the rest is parsed (searchWritten.ts),
   * a split page's from its `_msearch` answer.
   */
  written?: string;
  signal?: AbortSignal;
}

/** Runs one compiled search. A partial answer (failed shards, timed out) is refused rather than shown as complete. */
export async function searchIndex<T = RecordHit>(deps: Deps, request: SearchRequest, { countsApart = false, written, signal }: SearchOptions = {}): Promise<SearchResponse<T>> {
  const split = countsApart ? splitSearch(request) : null;
  const res = split ? await searchSplit<T>(deps, split, written, signal) : await searchOnce<T>(deps, request, written, signal);
  if ((res._shards?.failed ?? 0) > 0 || res.timed_out) {
    throw new AppError('search_unavailable', 'The search engine answered only in part. Retry later.', { retryAfterSeconds: 5 });
  }
  return res;
}

/** One search. One that reads a written field is read from its answer's bytes first, and searched again the usual way when they cannot be read so. */
async function searchOnce<T>(deps: Deps, request: SearchRequest, written: string | undefined, signal?: AbortSignal): Promise<SearchResponse<T>> {
  const cut = written === undefined ? undefined : await searchWritten<T>(deps.es, request, written, signal);
  return cut ?? deps.es.search<T>(request, { signal });
}

/** A split page in one `_msearch`, its hits read written as in searchOnce. */
async function searchSplit<T>(deps: Deps, split: SplitSearch, written: string | undefined, signal?: AbortSignal): Promise<SearchResponse<T>> {
  const searches = [split.hits, ...split.counts.map((part) => part.request)].flatMap(({ index, ...body }) => [{ index }, body]);
  const cut = written === undefined ? undefined : await msearchWritten<T>(deps.es, searches, written, signal);
  const { responses } = cut ?? await deps.es.msearch<T>({ searches }, { signal });
  const [hitsRes, ...countsRes] = responses.map(answered);
  return joinSplit(split, hitsRes, countsRes as Array<SearchResponse<unknown>>);
}

/** One search of an `_msearch`: its answer, or the error `search` would have thrown for it. */
function answered<T>(item: MsearchMultiSearchItem<T> | { error: unknown; status?: number }): SearchResponse<T> {
  if ('error' in item) {
    throw new errors.ResponseError({ body: item, statusCode: item.status ?? 500, headers: {}, warnings: null, meta: {} as never });
  }
  return item as SearchResponse<T>;
}
