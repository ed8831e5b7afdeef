import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AppError } from '../errors/catalogue';
import type { Metrics } from '../execute/metrics';

const sameText = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * `/metrics` in Prometheus's text format. With a key, a scrape must send `Authorization: Bearer
 * <key>` (else 401). Never cached.
 */
export function metricsRouter(metrics: Metrics, key: string | undefined): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (key !== undefined && !sameText(req.get('authorization') ?? '', `Bearer ${key}`)) {
      throw new AppError('unauthorized', 'The metrics need their key: Authorization: Bearer <METRICS_KEY>.');
    }
    const text = await metrics.registry.metrics();
    res.status(200).set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(text);
  });
  return router;
}
