import { join } from 'node:path';
import express, { Express } from 'express';
import { projectRoot } from '../config/projectRoot';
import type { Logger } from 'pino';
import type { Deps } from '../execute/deps';
import { errorMiddleware, notFoundHandler } from './errorMiddleware';
import { authenticate } from './authenticate';
import { cachePolicy } from '../dialects/shared/cachePolicy';
import { COMPRESSION_SETTING } from '../dialects/shared/answerCoding';
import { catalogRouter } from '../dialects/ods-v1/catalogRouter';
import { dcatRouter } from '../dialects/ods-v1/dcatRouter';
import { ckanPackageRouter } from '../dialects/ckan/ckanPackageRouter';
import { cors } from './cors';
import type { Drain } from './drain';
import { datastoreRouter } from '../dialects/ckan/datastoreRouter';
import { healthRouter } from './healthRouter';
import { odsRecordsRouter } from '../dialects/ods-v1/odsRecordsRouter';
import { packageSearchRouter } from '../dialects/ckan/packageSearchRouter';
import type { QuotaGate } from '../usecases/quotaGate';
import { quotas } from './quotas';
import type { PageLimits } from '../dialects/shared/sendInPieces';
import type { Metrics } from '../execute/metrics';
import { metricsRouter } from './metricsRouter';
import { watchElasticsearch } from '../execute/esTiming';
import { docsRouter, ogcApiDocument } from './docsRouter';
import { explorerRouter } from './explorerRouter';
import { requestLog } from './requestLog';
import { nulGuard } from './nulGuard';
import { requestShape } from './requestShape';
import { managementRouter } from '../dialects/management/managementRouter';
import type { UploadLimits } from '../dialects/management/receiveUpload';
import { JobBus } from '../execute/jobBus';
import { ogcRouter } from '../dialects/ogc/ogcRouter';
import { LargeAnswers, largeAnswers } from './largeAnswers';

/** The Express application: one router per API family, then the 404 and error handlers. */
export interface AppOptions {
  /** The clock of `#now` and of quota windows (tests fix it). */
  clock?: () => number;
  /** Records per Elasticsearch page of an export. */
  exportPageSize?: number;
  /** Records per Elasticsearch read of a large page (200), and the most bytes one page may come to (64 MiB). */
  pages?: Partial<PageLimits>;
  /** Prometheus metrics, served at /metrics (behind `key` when there is one); none: no /metrics. */
  metrics?: { metrics: Metrics; key?: string };
  /** Quotas per domain and caller (`serve` always has them); without, calls are not counted. */
  quotas?: QuotaGate;
  /** `max-age` of anonymous GET answers (60 s). */
  cacheMaxAgeSeconds?: number;
  /** Whether answers of text types (pages, downloads) are compressed for clients that accept it (true). */
  compression?: boolean;
  /** Express's `trust proxy`, which decides `req.ip`, the address anonymous quotas count by. */
  trustProxy?: boolean | number | string;
  /** Time limit of each store check of /api/health. */
  healthTimeoutMs?: number;
  /** The graceful shutdown this app takes part in (its responses close their connection once draining). */
  drain?: Drain;
  /** Where the management API keeps uploads and the largest it takes (`var/uploads`, 1 GiB). */
  uploads?: UploadLimits;
  /** Announces job changes to the event streams of this process (a new one by default). */
  jobBus?: JobBus;
  /** The turns of large answers (downloads, exports, pages of more than `pages.pieceRows` rows); none: not limited. */
  largeAnswers?: LargeAnswers;
}

const defaultUploads = (): UploadLimits => ({ dir: join(projectRoot(), 'var', 'uploads'), maxBytes: 1024 * 1024 * 1024 });

export function createApp(deps: Deps, logger: Logger, options: AppOptions = {}): Express {
  const clock = options.clock ?? Date.now;
  const app = express();
  app.disable('x-powered-by');
  // ETags are set by dialects/shared/send.ts, on publicly cacheable pages only.
  app.set('etag', false);
  // Read by dialects/shared/send.ts and streamExport.ts: answers of text types are compressed for clients that accept it.
  app.set(COMPRESSION_SETTING, options.compression ?? true);
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? false);
  if (options.drain) app.use(options.drain.middleware);
  const metrics = options.metrics?.metrics;
  // The request log tells each request's Elasticsearch time.
  watchElasticsearch(deps.es);
  app.use(requestLog(logger, metrics));
  // First, so that every answer has CORS and nosniff, the refusals of the body parsers included.
  app.use(cors);
  // Before authentication and quotas: liveness touches no store, and probes are not counted.
  app.use(healthRouter(deps, options.healthTimeoutMs));
  if (options.metrics) app.use(metricsRouter(options.metrics.metrics, options.metrics.key));
  app.use(docsRouter());
  app.use(explorerRouter());
  app.use(requestShape);
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 1000 }));
  app.use(nulGuard);
  app.use(authenticate(deps));
  app.use(cachePolicy(options.cacheMaxAgeSeconds ?? 60));
  if (options.quotas !== undefined) app.use(quotas(options.quotas, clock, metrics));
  const pages = { pieceRows: options.pages?.pieceRows ?? 200, maxBytes: options.pages?.maxBytes ?? 64 * 1024 * 1024 };
  // After the quotas: a refused call takes no turn.
  if (options.largeAnswers) {
    app.use(largeAnswers(options.largeAnswers, pages.pieceRows));
    metrics?.observeLargeAnswers(options.largeAnswers);
  }
  app.use(odsRecordsRouter(deps, clock, options.exportPageSize ?? 1000, pages, metrics));
  app.use(datastoreRouter(deps, clock, pages));
  app.use(catalogRouter(deps, clock, pages));
  app.use(dcatRouter(deps, clock));
  app.use(packageSearchRouter(deps, clock));
  app.use(ckanPackageRouter(deps));
  app.use(ogcRouter(deps, clock, pages.pieceRows, ogcApiDocument));
  app.use(managementRouter(deps, options.jobBus ?? new JobBus(), options.uploads ?? defaultUploads(), clock));
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger));
  return app;
}
