import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from '../execute/metrics';
import { esTimeOfRequest, type EsTime } from '../execute/esTiming';
import { routeFamily } from './routeFamily';
import { withoutControls } from '../text/controls';

const decodedName = (name: string): string => { try { return decodeURIComponent(name).toLowerCase(); } catch { return name.toLowerCase(); } };

/**
 * API keys in URLs are never logged, in the query string or after the last slash (d4c), however
 * their name is encoded; control characters are stripped (no log injection).
 */
export function redactUrl(url: string): string {
  const redacted = url.replace(/([?&/])([^?&/=]*)=([^&]*)/g, (m, sep: string, name: string) => (decodedName(name) === 'apikey' ? `${sep}${name}=[redacted]` : m));
  return withoutControls(redacted).slice(0, 2000);
}

/**
 * One log line per request: its id (also sent back as X-Request-Id), method, URL (keys
 * redacted), route family, status, duration, and the time and number of its Elasticsearch calls;
 * its duration is counted by route family and status.
 */
export function requestLog(logger: Logger, metrics?: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const reqId = randomUUID();
    res.locals.reqId = reqId;
    res.set('X-Request-Id', reqId);
    // Only a written line needs the request's Elasticsearch time: above level info (LOG_LEVEL=warn)
    // the line, its redacted URL and the async context that times the calls are all skipped.
    const logged = logger.isLevelEnabled('info');
    const es: EsTime = { calls: 0, ms: 0 };
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (metrics === undefined && !logged) return;
      const route = routeFamily(req.path);
      metrics?.requests.observe({ family: route, status: String(res.statusCode) }, ms / 1000);
      if (logged) logger.info({ reqId, method: req.method, url: redactUrl(req.originalUrl), route, status: res.statusCode, ms: Math.round(ms * 10) / 10, esMs: Math.round(es.ms * 10) / 10, esCalls: es.calls }, 'request');
    });
    // Everything the request runs, to its end, adds its Elasticsearch calls to `es`.
    if (logged) esTimeOfRequest.run(es, next);
    else next();
  };
}
