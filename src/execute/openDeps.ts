import pino, { Logger } from 'pino';
import type { Config } from '../config/config';
import { createPool, ensureDatabase } from './database';
import { BulkReads } from './bulkReads';
import { DatasetDirectory } from './datasetDirectory';
import type { Deps } from './deps';
import { createEsClient } from './elasticsearch';
import { migrate } from './migrate';

/** Opens PostgreSQL (creating the database and applying migrations) and the Elasticsearch client. */
export async function openDeps(config: Config): Promise<Deps & { close(): Promise<void> }> {
  await ensureDatabase(config.databaseUrl);
  const pool = createPool(config.databaseUrl);
  await migrate(pool);
  const es = createEsClient(config);
  const directory = new DatasetDirectory(pool, config.databaseUrl);
  await directory.listen();
  return {
    es, pool, indexPrefix: config.indexPrefix, directory, bulk: new BulkReads(config.esBulkReads), layout: { shards: config.esShards, replicas: config.esReplicas },
    async close() {
      await Promise.allSettled([directory.close(), pool.end(), es.close()]);
    },
  };
}

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: undefined, redact: ['req.headers.authorization'] });
}
