import { lagTolerantDeadline } from '../time/lagTolerantDeadline';
import type { Deps } from './deps';

export interface ComponentHealth {
  status: 'up' | 'down';
  detail?: string;
}

export interface Health {
  elasticsearch: ComponentHealth & { cluster_status?: string };
  postgresql: ComponentHealth;
}

/** A store's failure as told to anyone: no host, no credentials, no message of the store. */
const DOWN = { status: 'down' as const, detail: 'unreachable' };

/**
 * Asks both stores, each within `timeoutMs` of its own: time the event loop spent on other
 * requests (a big page being rendered) does not count, so a slow process never reports a store
 * as down (lagTolerantDeadline). A store that refuses the connection is down at once; one that
 * accepts and never answers is down after `timeoutMs`.
 */
export async function checkHealth(deps: Pick<Deps, 'es' | 'pool'>, timeoutMs = 2000): Promise<Health> {
  const abort = new AbortController();
  const [es, pg] = await Promise.all([
    // The client's own timeout is a plain timer: it is set far beyond the deadline, which aborts the call.
    lagTolerantDeadline(deps.es.cluster.health({}, { requestTimeout: timeoutMs * 30, maxRetries: 0, signal: abort.signal }), timeoutMs, () => abort.abort())
      .then((h) => (h.status === 'red'
        ? { status: 'down' as const, cluster_status: h.status, detail: 'cluster is red' }
        : { status: 'up' as const, cluster_status: h.status }))
      .catch(() => DOWN),
    lagTolerantDeadline(deps.pool.query('SELECT 1'), timeoutMs)
      .then(() => ({ status: 'up' as const }))
      .catch(() => DOWN),
  ]);
  return { elasticsearch: es, postgresql: pg };
}
