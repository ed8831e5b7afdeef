import type { Client } from '@elastic/elasticsearch';
import type { MsearchRequestItem, MsearchResponse, SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { msearchBytes, searchBytes } from './searchBytes';
import { cutWritten, putWrittenBack } from './writtenAnswer';

/**
 * A search whose hits read the binary field `field` (a text an index keeps written), its answer
 * parsed without those values: they are cut from its bytes (cutWritten), the rest is decoded and
 * parsed by the client's own serializer, and each value goes back into its hit, where the readers
 * find it as in any answer. An error is retried and thrown as for every search. Undefined when the
 * answer is not a plain 200, is not JSON once cut, or does not take the values back: the caller then
 * searches the usual way.
 */
export async function searchWritten<T>(es: Client, request: SearchRequest, field: string, signal?: AbortSignal): Promise<SearchResponse<T> | undefined> {
  return readCut<SearchResponse<T>>(es, await searchBytes(es, request, signal), field, (res) => res);
}

/**
 * The same for an `_msearch` whose first search is the one that reads `field` (a split page's hits,
 * splitSearch.ts): its values go back into the first answer's hits. The others count (`size: 0`)
 * and hold none. An answer Elasticsearch gives as an error has no hits, and stays as it came.
 */
export async function msearchWritten<T>(es: Client, searches: MsearchRequestItem[], field: string, signal?: AbortSignal): Promise<MsearchResponse<T> | undefined> {
  return readCut<MsearchResponse<T>>(es, await msearchBytes(es, searches, signal), field, (res) => res.responses?.[0] as SearchResponse<unknown> | undefined);
}

/** Bytes parsed with the values of `field` cut out, the values then put back into the hits of `holder`'s answer; undefined as above. */
function readCut<R>(es: Client, bytes: Buffer | undefined, field: string, holder: (parsed: R) => SearchResponse<unknown> | undefined): R | undefined {
  const cut = bytes === undefined ? undefined : cutWritten(bytes, field);
  if (cut === undefined) return undefined;
  let parsed: R;
  try {
    parsed = es.serializer.deserialize<R>(cut.text);
  } catch {
    // Not JSON once cut: the mark stood somewhere else than a value. The usual parse reads it.
    return undefined;
  }
  return putWrittenBack(holder(parsed) ?? ({} as SearchResponse<unknown>), field, cut.values) ? parsed : undefined;
}
