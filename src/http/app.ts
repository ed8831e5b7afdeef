import express, { Express } from 'express';
import type { Logger } from 'pino';
import type { Deps } from '../execute/deps';
import { errorMiddleware, notFoundHandler } from './errorMiddleware';
import { authenticate } from './authenticate';
import { catalogRouter } from '../dialects/ods-v1/catalogRouter';
import { ckanPackageRouter } from '../dialects/ckan/ckanPackageRouter';
import { cors } from './cors';
import type { Drain } from './drain';
import { datastoreRouter } from '../dialects/ckan/datastoreRouter';
import { healthRouter } from './healthRouter';
import { odsRecordsRouter } from '../dialects/ods-v1/odsRecordsRouter';
import { packageSearchRouter } from '../dialects/ckan/packageSearchRouter';
import { requestLog } from './requestLog';
import { requestShape } from './requestShape';

/** The Express application: one router per API family, then the 404 and error handlers. */
export interface AppOptions {
  /** The clock of `#now` (tests fix it). */
  clock?: () => number;
  /** Records per Elasticsearch page of an export. */
  exportPageSize?: number;
  /** The graceful shutdown this app takes part in (its responses close their connection once draining). */
  drain?: Drain;
}

export function createApp(deps: Deps, logger: Logger, options: AppOptions = {}): Express {
  const clock = options.clock ?? Date.now;
  const app = express();
  app.disable('x-powered-by');
  // Search answers change with every publish; hashing each body for an ETag costs more than it saves.
  app.set('etag', false);
  app.set('query parser', 'simple');
  if (options.drain) app.use(options.drain.middleware);
  app.use(requestLog(logger));
  app.use(requestShape);
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 1000 }));
  app.use(cors);
  app.use(authenticate(deps));
  app.use(healthRouter(deps));
  app.use(odsRecordsRouter(deps, clock, options.exportPageSize ?? 1000));
  app.use(datastoreRouter(deps, clock));
  app.use(catalogRouter(deps, clock));
  app.use(packageSearchRouter(deps, clock));
  app.use(ckanPackageRouter(deps));
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger));
  return app;
}
