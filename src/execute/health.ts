import type { Deps } from './deps';

export interface ComponentHealth {
  status: 'up' | 'down';
  detail?: string;
}

export interface Health {
  elasticsearch: ComponentHealth & { cluster_status?: string };
  postgresql: ComponentHealth;
}

/** Asks both stores, each within `timeoutMs`; an answer never includes hosts or credentials. */
export async function checkHealth(deps: Pick<Deps, 'es' | 'pool'>, timeoutMs = 2000): Promise<Health> {
  const [es, pg] = await Promise.all([
    deps.es.cluster.health({ timeout: `${timeoutMs}ms` }, { requestTimeout: timeoutMs, maxRetries: 0 })
      .then((h) => (h.status === 'red'
        ? { status: 'down' as const, cluster_status: h.status, detail: 'cluster is red' }
        : { status: 'up' as const, cluster_status: h.status }))
      .catch(() => ({ status: 'down' as const, detail: 'unreachable' })),
    withTimeout(deps.pool.query('SELECT 1'), timeoutMs)
      .then(() => ({ status: 'up' as const }))
      .catch(() => ({ status: 'down' as const, detail: 'unreachable' })),
  ]);
  return { elasticsearch: es, postgresql: pg };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}
