import { Readable } from 'node:stream';
import {
  BaseConnection, Client, ConnectionRequestOptions, ConnectionRequestOptionsAsStream, ConnectionRequestParams,
  ConnectionRequestResponse, ConnectionRequestResponseAsStream,
} from '@elastic/elasticsearch';
import { RECORDS_FORMAT } from '../../src/index/recordsFormat';
import type { IndexBody } from '../../src/index/recordMapping';
import { emptyAggregations } from './emptyAggregations';

/** One HTTP request the Elasticsearch client sent, as it went on the wire (body parsed back from its JSON). */
export interface EsCall {
  method: string;
  path: string;
  querystring?: Record<string, string>;
  body?: unknown;
}

const SHARDS = { total: 1, successful: 1, skipped: 0, failed: 0 };

function parsedBody(body: ConnectionRequestParams['body']): Record<string, unknown> | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) throw new Error('the golden fake Elasticsearch reads no streamed body');
  return JSON.parse(body.toString()) as Record<string, unknown>;
}

/** A search that matched nothing: no hit, an exact total of 0, the aggregations asked for, empty. */
function emptySearch(body: Record<string, unknown> | undefined): object {
  const aggs = (body?.aggs ?? body?.aggregations) as Record<string, Record<string, unknown>> | undefined;
  const pit = body?.pit as { id?: string } | undefined;
  // In Elasticsearch's order: the snapshot's id first, the aggregations after the hits.
  return {
    ...(pit?.id ? { pit_id: pit.id } : {}),
    took: 0, timed_out: false, _shards: SHARDS,
    hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] },
    ...(aggs ? { aggregations: emptyAggregations(aggs) } : {}),
  };
}

/** The mapping of the index an alias points to, as this code would build it, when the fake knows it. */
export type MappingOf = (alias: string) => IndexBody | undefined;

/** The `k.*` fields of a mapping, as Elasticsearch's field mapping API lists them. */
function keyMappings(body: IndexBody | undefined): Record<string, object> {
  const keys = (body?.mappings.properties.k?.properties ?? {}) as Record<string, object>;
  return Object.fromEntries(Object.entries(keys).map(([name, mapping]) => [`k.${name}`, { full_name: `k.${name}`, mapping: { [name]: mapping } }]));
}

/**
 * The answer of the fake to each kind of request the code sends; anything else is an error. An
 * alias points to its version 1, of the records format this code writes (an export then reads
 * the texts records keep written, as it would from an index this server built).
 */
function answer(method: string, path: string, body: Record<string, unknown> | undefined, mappingOf: MappingOf): object {
  const keysOf = /^\/([^/]+)\/_mapping\/field\/k\.\*$/.exec(path)?.[1];
  if (keysOf !== undefined && method === 'GET') return { [`${keysOf}-v1`]: { mappings: keyMappings(mappingOf(keysOf)) } };
  const alias = /^\/_alias\/([^/]+)$/.exec(path)?.[1];
  if (alias !== undefined && (method === 'HEAD' || method === 'GET')) return { [`${alias}-v1`]: { aliases: { [alias]: {} } } };
  const mapping = /^\/([^/]+)\/_mapping$/.exec(path)?.[1];
  if (mapping !== undefined && method === 'GET') return { [mapping]: { mappings: { _meta: { format: RECORDS_FORMAT } } } };
  if (method === 'POST' && /^(\/[^/]+)?\/_search$/.test(path)) return emptySearch(body);
  if (method === 'POST' && /^\/[^/]+\/_pit$/.test(path)) return { id: 'golden-pit' };
  if (method === 'DELETE' && path === '/_pit') return { succeeded: true, num_freed: 1 };
  throw new Error(`the golden fake Elasticsearch has no answer to ${method} ${path}`);
}

/**
 * A real Elasticsearch client whose connection never leaves the process: every request is recorded
 * exactly as the client would send it (method, path, query string, JSON body), and answered as an
 * index without any matching document would answer it.
 */
export function recordingClient(mappingOf: MappingOf = () => undefined): { client: Client; calls: EsCall[] } {
  const calls: EsCall[] = [];
  class RecordingConnection extends BaseConnection {
    override request(params: ConnectionRequestParams, options: ConnectionRequestOptions): Promise<ConnectionRequestResponse>;
    override request(params: ConnectionRequestParams, options: ConnectionRequestOptionsAsStream): Promise<ConnectionRequestResponseAsStream>;
    override async request(params: ConnectionRequestParams, options?: ConnectionRequestOptions | ConnectionRequestOptionsAsStream): Promise<ConnectionRequestResponse | ConnectionRequestResponseAsStream> {
      const body = parsedBody(params.body);
      const query = new URLSearchParams(params.querystring ?? '');
      calls.push({
        method: params.method, path: params.path,
        ...(query.size > 0 ? { querystring: Object.fromEntries(query) } : {}),
        ...(body !== undefined ? { body } : {}),
      });
      const headers = { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' };
      const text = JSON.stringify(answer(params.method, params.path, body, mappingOf));
      // A reader of the answer's bytes gets them as a stream, as from a socket.
      if (options !== undefined && 'asStream' in options && options.asStream) return { statusCode: 200, headers, body: Readable.from([Buffer.from(text)]) };
      return { statusCode: 200, headers, body: text };
    }

    /** Nothing to close: no socket was ever opened. */
    override async close(): Promise<void> {}
  }
  const client = new Client({ node: 'http://elasticsearch.golden.invalid:9200', Connection: RecordingConnection, maxRetries: 0, compression: false });
  return { client, calls };
}
