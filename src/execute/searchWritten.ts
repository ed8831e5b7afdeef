import type { Client } from '@elastic/elasticsearch';
import type { SearchRequest, SearchResponse } from '@elastic/elasticsearch/lib/api/types';
import { searchBytes } from './searchBytes';
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
  const bytes = await searchBytes(es, request, signal);
  const cut = bytes === undefined ? undefined : cutWritten(bytes, field);
  if (cut === undefined) return undefined;
  let res: SearchResponse<T>;
  try {
    res = es.serializer.deserialize<SearchResponse<T>>(cut.text);
  } catch {
    // Not JSON once cut: the mark stood somewhere else than a value. The usual parse reads it.
    return undefined;
  }
  return putWrittenBack(res, field, cut.values) ? res : undefined;
}
