import type { Server } from 'node:http';
import { getHeapStatistics } from 'node:v8';
import type { Config } from '../config/config';
import { createLogger, openDeps } from '../execute/openDeps';
import { createApp } from './app';
import { Drain } from './drain';
import { createHttpServer } from './httpServer';
import { sweepRetiredIndices } from '../execute/sweepRetiredIndices';
import { COMPACT_SWEEP_MS, compactLiveIndices } from '../execute/compactLiveIndices';
import { ensureCatalogIndex } from '../execute/catalogIndex';
import { memoryQuotaCounters, postgresQuotaCounters } from '../execute/quotaCounters';
import { QuotaGate } from '../usecases/quotaGate';
import { Metrics } from '../execute/metrics';
import { upgradeRecordIndices } from '../usecases/upgradeRecordIndices';
import { failOrphanJobs } from '../usecases/failOrphanJobs';
import { LargeAnswers, largeAnswerTurns } from './largeAnswers';

/**
 * Starts the API and stops it gracefully on SIGTERM or SIGINT: no new connections, requests in
 * flight finish (for at most 10 s) and their connections close, then the stores are closed.
 */
export async function serve(config: Config): Promise<Server> {
  const logger = createLogger(config);
  const deps = await openDeps(config);
  // A fresh installation has no catalog index yet, and an upgrade may bring a new catalog format.
  await ensureCatalogIndex(deps);
  const counters = config.quotas.store === 'postgresql' ? postgresQuotaCounters(deps.pool) : memoryQuotaCounters();
  const drain = new Drain();
  const metrics = config.http.metrics ? new Metrics() : undefined;
  const limits = config.http.largeAnswers;
  const largeAnswers = new LargeAnswers({ ...limits, atOnce: largeAnswerTurns(limits.atOnce, getHeapStatistics().heap_size_limit) });
  if (metrics) {
    metrics.observeElasticsearch(deps.es);
    if (deps.directory) metrics.observeDirectory(deps.directory);
  }
  const app = createApp(deps, logger, {
    quotas: new QuotaGate(counters, deps.pool, config.quotas), drain,
    cacheMaxAgeSeconds: config.http.cacheMaxAgeSeconds, compression: config.http.compression, trustProxy: config.http.trustProxy, healthTimeoutMs: config.http.healthTimeoutMs,
    pages: config.http.pages, uploads: config.uploads, largeAnswers,
    ...(metrics ? { metrics: { metrics, ...(config.http.metrics?.key ? { key: config.http.metrics.key } : {}) } } : {}),
  });
  const server = createHttpServer(app, config.http).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => { server.once('listening', resolve); server.once('error', reject); });
  logger.info({ port: config.port, host: config.host, largeAnswersAtOnce: largeAnswers.limits.atOnce }, 'portal-search listening');
  // Live indices left unmerged (a CLI publish, an older server, the catalog's writes) are merged
  // one at a time in the background, after the upgrades below and then every hour.
  const compact = (): Promise<void> => compactLiveIndices(deps).then((merged) => { if (merged.length > 0) logger.info({ merged }, 'live indices merged'); },
    (err: unknown) => logger.warn({ err }, 'merging live indices failed'));
  // Record indices built by an older version (another format of the indexed text) are rebuilt
  // in the background: searches answer from the old ones meanwhile.
  upgradeRecordIndices(deps).then(({ rebuilt, failed }) => {
    if (rebuilt.length > 0) logger.info({ rebuilt }, 'record indices rebuilt in the current format');
    for (const { datasetId, error } of failed) logger.error({ err: error, datasetId }, 'rebuilding a record index in the current format failed');
  }, (err: unknown) => logger.error({ err }, 'checking the format of the record indices failed')).then(compact);
  const compacter = setInterval(() => { void compact(); }, COMPACT_SWEEP_MS);
  compacter.unref();
  // Jobs whose server stopped while they ran are marked FAILED (here, and by any server, every minute).
  const failOrphans = (): void => {
    failOrphanJobs(deps).then((failed) => { if (failed.length > 0) logger.warn({ jobs: failed }, 'jobs left unfinished by a stopped server marked failed'); },
      (err: unknown) => logger.warn({ err }, 'checking for unfinished jobs failed'));
  };
  failOrphans();
  // Index versions retired while an export was reading them are deleted once it is done.
  const sweeper = setInterval(() => {
    sweepRetiredIndices(deps).catch((err: unknown) => logger.warn({ err }, 'sweeping retired indices failed'));
    failOrphans();
  }, 60_000);
  sweeper.unref();
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    clearInterval(sweeper);
    clearInterval(compacter);
    counters.close();
    logger.info({ signal }, 'shutting down');
    void drain.shutDown(server, 10_000).then(() => deps.close()).then(() => { logger.info('stopped'); process.exit(0); });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return server;
}
