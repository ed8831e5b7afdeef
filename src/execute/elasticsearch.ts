import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, errors, Transport } from '@elastic/elasticsearch';
import type { TransportOptions, TransportRequestOptions, TransportRequestOptionsWithMeta, TransportRequestOptionsWithOutMeta, TransportRequestParams, TransportResult } from '@elastic/elasticsearch';
import type { Config } from '../config/config';
import { streamedBytes } from './searchBytes';

/** How many times a request Elasticsearch refused with 429 (a full queue, a tripped breaker) is sent again. */
export const BUSY_RETRIES = 3;

/**
 * The pause before retry `attempt` (1, 2, …), in milliseconds: exponential from 100 ms, with
 * "equal jitter" (half fixed, half random) so that many waiting clients do not come back together.
 */
export function retryPauseMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(1600, 100 * 2 ** attempt);
  return ceiling / 2 + (random() * ceiling) / 2;
}

const isBusy = (err: unknown): boolean => err instanceof errors.ResponseError && err.statusCode === 429;
const isUnavailable = (err: unknown): boolean => err instanceof errors.ResponseError && [502, 503, 504].includes(err.statusCode ?? 0);

/**
 * The client's transport, plus retries of 429 answers after a pause. A 429 means Elasticsearch
 * refused the whole request before running it, so sending it again is safe for reads and writes
 * alike (bulk items refused one by one are retried by bulkIndex).
 *
 * An answer asked for as a stream (`asStream`, read as bytes by searchBytes) comes back from the
 * client's transport whatever its status, never retried. Here an error status is read and thrown as
 * the client throws it for any other request (a ResponseError), and retried the same way: a 429
 * after a pause, a 502, 503 or 504 at once on the next node, up to `maxRetries` times.
 */
class BackoffTransport extends Transport {
  private readonly unavailableRetries: number;

  /**
   * The pause between connection retries, once every node was tried (the client's own is 1–4 s).
   * No OpenTelemetry span unless `tracing`: this server registers no tracer, and the transport
   * would still open a span on the no-op one, with its attributes and one more promise, for every
   * request.
   */
  constructor(options: TransportOptions, tracing = false) {
    super({ ...options, retryBackoff: (_min: number, _max: number, attempt: number) => retryPauseMs(attempt) / 1000, openTelemetry: { enabled: tracing } });
    this.unavailableRetries = options.maxRetries ?? 3;
  }

  override request<TResponse = unknown>(params: TransportRequestParams, options?: TransportRequestOptionsWithOutMeta): Promise<TResponse>;
  override request<TResponse = unknown, TContext = unknown>(params: TransportRequestParams, options?: TransportRequestOptionsWithMeta): Promise<TransportResult<TResponse, TContext>>;
  override request<TResponse = unknown>(params: TransportRequestParams, options?: TransportRequestOptions): Promise<TResponse>;
  override async request(params: TransportRequestParams, options: TransportRequestOptions = {}): Promise<unknown> {
    const streamed = options.asStream === true;
    let unavailable = 0;
    for (let attempt = 1; ;) {
      try {
        const result: unknown = await super.request(params, options);
        return streamed ? await refusedStream(result, options.ignore ?? []) : result;
      } catch (err) {
        if (streamed && isUnavailable(err) && unavailable < (options.maxRetries ?? this.unavailableRetries)) {
          unavailable++;
          const connection = (err as errors.ResponseError).meta.meta.connection;
          if (connection) this.connectionPool.markDead(connection);
          continue;
        }
        if (!isBusy(err) || attempt > BUSY_RETRIES || options.signal?.aborted) throw err;
        await sleep(retryPauseMs(attempt), undefined, { signal: options.signal }).catch(() => { throw err; });
        attempt++;
      }
    }
  }
}

/** A streamed answer (with its meta): as it is when its status is not an error; else its body read, and thrown as the client's ResponseError. */
async function refusedStream(result: unknown, ignore: number[]): Promise<unknown> {
  const answer = result as Partial<TransportResult<unknown>>;
  if (typeof answer.statusCode !== 'number' || answer.statusCode < 400 || ignore.includes(answer.statusCode)) return result;
  const text = (await streamedBytes(answer.body)).toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's page): the error carries the text.
  }
  throw new errors.ResponseError({ ...(answer as TransportResult<unknown>), body });
}

/** What the client is built from (README "Configuration"). */
export type EsClientConfig = Pick<Config, 'esNodes' | 'esRequestTimeoutMs'> & Partial<Pick<Config, 'esAuth' | 'esCaFile' | 'esMaxRetries' | 'esTracing'>>;

/** BackoffTransport with the client's OpenTelemetry spans on (OTEL_ELASTICSEARCH_ENABLED=true). */
class TracedBackoffTransport extends BackoffTransport {
  constructor(options: TransportOptions) {
    super(options, true);
  }
}

/**
 * The Elasticsearch client over one node or several. A request that cannot reach a node (refused,
 * reset, the node died mid-answer) or gets 502/503/504 is sent at once to the next node, with an
 * exponential pause once every node was tried; a 429 is retried after a pause (BackoffTransport);
 * a request that exceeds its time limit is never retried (the transport's `retryOnTimeout` is off),
 * so that a slow cluster does not get a retry storm. Readiness is checked with cluster health: the minimal distribution has no `GET /`.
 */
export function createEsClient(config: EsClientConfig): Client {
  return new Client({
    nodes: config.esNodes,
    Transport: config.esTracing ? TracedBackoffTransport : BackoffTransport,
    requestTimeout: config.esRequestTimeoutMs,
    maxRetries: config.esMaxRetries ?? 3,
    compression: false,
    ...(config.esAuth ? { auth: config.esAuth } : {}),
    ...(config.esCaFile ? { tls: { ca: readFileSync(config.esCaFile) } } : {}),
  });
}
