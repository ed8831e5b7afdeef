import type { Deps } from './deps';

/**
 * Deletes the record indices that a publish retired, once nothing reads them any more: an export
 * holds its point-in-time on the index it started on, so the index is kept until its open
 * search contexts drop to zero (checked here after every publish and every minute by `serve`).
 */
export async function sweepRetiredIndices(deps: Deps): Promise<string[]> {
  const { rows } = await deps.pool.query<{ dataset_id: string; version: number; index_name: string }>(
    "SELECT dataset_id, version, index_name FROM index_versions WHERE state = 'retired'",
  );
  const deleted: string[] = [];
  for (const r of rows) {
    const stats = await deps.es.indices.stats({ index: r.index_name, metric: 'search' }, { ignore: [404] }) as { indices?: Record<string, { total?: { search?: { open_contexts?: number } } }> };
    const open = stats.indices?.[r.index_name]?.total?.search?.open_contexts ?? 0;
    if (open > 0) continue;
    await deps.es.indices.delete({ index: r.index_name, ignore_unavailable: true });
    await deps.pool.query("UPDATE index_versions SET state = 'deleted' WHERE dataset_id = $1 AND version = $2", [r.dataset_id, r.version]);
    deleted.push(r.index_name);
  }
  return deleted;
}

/**
 * The sweep after a publish or a rebuild: a failure changes nothing that was published. The
 * versions stay `retired`, and the next sweep (the next publish, the server's start, `gc`)
 * deletes them.
 */
export async function sweepQuietly(deps: Deps): Promise<void> {
  await sweepRetiredIndices(deps).catch(() => undefined);
}
