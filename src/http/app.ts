import express, { Express } from 'express';
import type { Logger } from 'pino';
import type { Deps } from '../execute/deps';
import { errorMiddleware, notFoundHandler } from './errorMiddleware';
import { cors } from './cors';
import { healthRouter } from './healthRouter';
import { odsRecordsRouter } from './odsRecordsRouter';
import { requestLog } from './requestLog';
import { requestShape } from './requestShape';

/** The Express application: one router per API family, then the 404 and error handlers. */
export function createApp(deps: Deps, logger: Logger, clock: () => number = Date.now): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestLog(logger));
  app.use(requestShape);
  app.use(express.json({ limit: '1mb' }));
  app.use(express.urlencoded({ extended: false, limit: '1mb', parameterLimit: 1000 }));
  app.use(cors);
  app.use(healthRouter(deps));
  app.use(odsRecordsRouter(deps, clock));
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger));
  return app;
}
