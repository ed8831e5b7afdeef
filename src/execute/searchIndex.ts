import type { SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { AppError } from '../errors/catalogue';
import type { RecordHit } from '../model/searchResult';
import type { Deps } from './deps';

/** Runs one compiled search. A partial answer (failed shards, timed out) is refused rather than shown as complete. */
export async function searchIndex<T = RecordHit>(deps: Deps, request: SearchRequest, signal?: AbortSignal): Promise<SearchResponse<T>> {
  const res = await deps.es.search<T>(request, { signal });
  if ((res._shards?.failed ?? 0) > 0 || res.timed_out) {
    throw new AppError('search_unavailable', 'The search engine answered only in part. Retry later.', { retryAfterSeconds: 5 });
  }
  return res;
}
