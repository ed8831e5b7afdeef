import type { Client } from '@elastic/elasticsearch';
import type { SearchRequest } from '@elastic/elasticsearch/lib/api/types';

/**
 * A search's answer as the bytes Elasticsearch sent, for a reader that finds what it needs in them
 * without parsing the whole answer (results/writtenHits.ts, searchWritten.ts). Undefined when the
 * answer is not a plain 200 (an error, a body compressed on the way): the caller then searches the
 * usual way, which retries, or throws Elasticsearch's error as every search does.
 */
export async function searchBytes(es: Client, body: SearchRequest, signal?: AbortSignal): Promise<Buffer | undefined> {
  const res = await es.search(body, { asStream: true, meta: true, signal });
  const chunks: Buffer[] = [];
  for await (const chunk of res.body as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return res.statusCode === 200 && res.headers['content-encoding'] === undefined ? Buffer.concat(chunks) : undefined;
}
