import { Client } from '@elastic/elasticsearch';
import type { Config } from '../config/config';

/**
 * The Elasticsearch client. Retries are off for searches (a slow node must not get a retry
 * storm); the request timeout bounds every call. Readiness is checked with cluster health:
 * the minimal distribution has no `GET /`.
 */
export function createEsClient(config: Pick<Config, 'esUrl' | 'esRequestTimeoutMs'>): Client {
  return new Client({
    node: config.esUrl,
    requestTimeout: config.esRequestTimeoutMs,
    maxRetries: 0,
    compression: false,
  });
}
