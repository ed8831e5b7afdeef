import { Router } from 'express';
import type { Deps } from '../execute/deps';
import { checkHealth } from '../execute/health';

/** GET /api/health: 200 when Elasticsearch and PostgreSQL both answer, else 503 saying which is down. */
export function healthRouter(deps: Pick<Deps, 'es' | 'pool'>): Router {
  const router = Router();
  router.get(['/api/health', '/d4c/api/health'], async (_req, res) => {
    const health = await checkHealth(deps);
    const ok = health.elasticsearch.status === 'up' && health.postgresql.status === 'up';
    if (!ok) res.set('Retry-After', '5');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', ...health });
  });
  return router;
}
