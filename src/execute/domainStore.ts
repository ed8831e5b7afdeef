import { bumpCatalogGeneration } from './catalogGeneration';
import type { DomainRow } from '../model/dataset';
import type { Queryable } from './queryable';

export async function listDomains(q: Queryable): Promise<Array<DomainRow & { datasets: number }>> {
  const { rows } = await q.query<{ id: string; title: string; include_public: boolean; datasets: string }>(
    `SELECT d.id, d.title, d.include_public, count(s.id) AS datasets FROM domains d LEFT JOIN datasets s ON s.domain_id = d.id GROUP BY d.id ORDER BY d.id`);
  return rows.map((r) => ({ id: r.id, title: r.title, includePublic: r.include_public, datasets: Number(r.datasets) }));
}

/**
 * Removes a domain that owns no dataset, with its API keys. The default domain stays.
 * Returns why it could not, if it could not.
 */
export async function removeDomain(q: Queryable, id: string): Promise<string | undefined> {
  if (id === 'default') return 'the default domain cannot be removed';
  const owned = await q.query('SELECT 1 FROM datasets WHERE domain_id = $1 LIMIT 1', [id]);
  if ((owned.rowCount ?? 0) > 0) return 'it still owns datasets';
  await q.query('DELETE FROM api_keys WHERE domain_id = $1', [id]);
  const r = await q.query('DELETE FROM domains WHERE id = $1', [id]);
  bumpCatalogGeneration();
  return (r.rowCount ?? 0) > 0 ? undefined : 'there is no such domain';
}
