import { Router } from 'express';
import type { Deps } from '../execute/deps';
import { checkHealth, Health } from '../execute/health';

/**
 * GET /api/health/live: liveness, 200 whenever the process answers; it touches no store.
 * GET /api/health: readiness, 200 when Elasticsearch and PostgreSQL both answer, else 503 saying
 * which is down. Concurrent readiness requests share one check of the stores. Neither is cached
 * nor counted in quotas.
 */
export function healthRouter(deps: Pick<Deps, 'es' | 'pool'>, timeoutMs = 2000): Router {
  const router = Router();
  let inFlight: Promise<Health> | undefined;
  router.get(['/api/health/live', '/d4c/api/health/live'], (_req, res) => {
    res.set('Cache-Control', 'no-store').status(200).json({ status: 'ok' });
  });
  router.get(['/api/health', '/d4c/api/health'], async (_req, res) => {
    inFlight ??= checkHealth(deps, timeoutMs).finally(() => { inFlight = undefined; });
    const health = await inFlight;
    const ok = health.elasticsearch.status === 'up' && health.postgresql.status === 'up';
    if (!ok) res.set('Retry-After', '5');
    res.set('Cache-Control', 'no-store').status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', ...health });
  });
  return router;
}
