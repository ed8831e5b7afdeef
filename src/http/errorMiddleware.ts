import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../errors/catalogue';
import { classifyError } from './classifyError';
import { errorBody, errorStatus, errorType } from './errorBody';

/**
 * The one error middleware: a catalogue error becomes its status and JSON body, never cached. An
 * error after the response has started (an export that failed mid-stream) can no longer change
 * the answer: it is logged with the request id, and the connection is cut so that nobody takes
 * the body for whole.
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    if (res.headersSent) {
      logger.error({ err, reqId: res.locals.reqId, status: res.statusCode }, 'error after the response started; connection cut');
      res.destroy();
      return;
    }
    const appError = classifyError(err);
    if (appError.code === 'internal') logger.error({ err, reqId: res.locals.reqId }, 'unhandled error');
    else if (appError.status >= 500) logger.warn({ code: appError.code, reqId: res.locals.reqId, cause: (err as Error)?.message }, 'store failure');
    if (appError.details.retryAfterSeconds !== undefined) res.set('Retry-After', String(appError.details.retryAfterSeconds));
    // An error is never kept by a cache; one built with a key stays `private, no-store`.
    if (!String(res.get('Cache-Control') ?? '').startsWith('private')) res.set('Cache-Control', 'no-store');
    res.status(errorStatus(appError, req.path)).type(errorType(req.path)).send(JSON.stringify(errorBody(appError, req.path)));
  };
}

/** Unknown routes: a JSON 404 in the route family's shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `Unknown endpoint ${req.path.slice(0, 200)}`));
};
