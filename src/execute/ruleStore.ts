import type { Rule } from '../model/rule';
import type { Queryable } from './queryable';

/** A dataset's processing rules, in the order they run. */
export async function listRules(q: Queryable, datasetId: string): Promise<Rule[]> {
  const { rows } = await q.query<{ name: string; capability: string; config: unknown }>(
    'SELECT name, capability, config FROM dataset_rules WHERE dataset_id = $1 ORDER BY position', [datasetId]);
  return rows.map((r) => ({ name: r.name, capability: r.capability, config: r.config }));
}

/** Replaces a dataset's rules with `rules`, in this order (call inside a transaction to make it atomic). */
export async function replaceRules(q: Queryable, datasetId: string, rules: readonly Rule[]): Promise<void> {
  await q.query('DELETE FROM dataset_rules WHERE dataset_id = $1', [datasetId]);
  for (const [position, r] of rules.entries()) {
    await q.query('INSERT INTO dataset_rules (dataset_id, name, position, capability, config) VALUES ($1, $2, $3, $4, $5)',
      [datasetId, r.name, position, r.capability, JSON.stringify(r.config ?? {})]);
  }
}
