import type { Client } from '@elastic/elasticsearch';
import type { MsearchRequestItem, SearchRequest } from '@elastic/elasticsearch/lib/api/types';

/**
 * A search's answer as the bytes Elasticsearch sent, for a reader that finds what it needs in them
 * without parsing the whole answer (results/writtenHits.ts, searchWritten.ts). An error is retried
 * and thrown as for every search (the client's transport, src/execute/elasticsearch.ts). Undefined
 * for any other answer than a plain 200 (a body compressed on the way): the caller then searches the
 * usual way.
 */
export async function searchBytes(es: Client, body: SearchRequest, signal?: AbortSignal): Promise<Buffer | undefined> {
  return plainBytes(await es.search(body, { asStream: true, meta: true, signal }));
}

/** The same for an `_msearch` of `searches` (each a header and a body, as the client takes them). */
export async function msearchBytes(es: Client, searches: MsearchRequestItem[], signal?: AbortSignal): Promise<Buffer | undefined> {
  return plainBytes(await es.msearch({ searches }, { asStream: true, meta: true, signal }));
}

/** An answer asked for as a stream: its whole body when it is a plain 200, else undefined. */
async function plainBytes(res: { body: unknown; statusCode: number | null; headers: Record<string, unknown> }): Promise<Buffer | undefined> {
  const bytes = await streamedBytes(res.body);
  return res.statusCode === 200 && res.headers['content-encoding'] === undefined ? bytes : undefined;
}

/** The whole body of an answer asked for as a stream. */
export async function streamedBytes(body: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
