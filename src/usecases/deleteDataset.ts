import { PublishRefused } from '../errors/publishRefused';
import { refreshCatalogEntry } from '../execute/catalogIndex';
import { removeDatasetRows } from '../execute/datasetAdmin';
import type { Deps } from '../execute/deps';
import { exclusively, publishLockKey } from '../execute/exclusively';
import { sweepRetiredIndices } from '../execute/sweepRetiredIndices';
import { recordsAlias, recordsIndexBase } from '../schema/indexNames';

/**
 * Deletes a dataset: its PostgreSQL rows (records, rules), its catalog entry and its record
 * indices. Searches stop finding it at once (the alias goes); an export already running keeps
 * reading its point-in-time snapshot, and its index is deleted by the sweeper once it is done.
 * Refused (`busy`) while a publish of the dataset runs. False when there is no such dataset.
 */
export async function deleteDataset(deps: Deps, id: string): Promise<boolean> {
  const run = await exclusively(deps.pool, publishLockKey(id), async (client) => {
    try {
      await client.query('BEGIN');
      const { rowCount } = await client.query('SELECT 1 FROM datasets WHERE id = $1 FOR UPDATE', [id]);
      if (!rowCount) { await client.query('ROLLBACK'); return false; }
      await removeDatasetRows(client, id);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
    await deps.es.indices.deleteAlias({ index: `${recordsIndexBase(deps.indexPrefix, id)}*`, name: recordsAlias(deps.indexPrefix, id) }, { ignore: [404] });
    await refreshCatalogEntry(deps, id);
    await sweepRetiredIndices(deps);
    return true;
  });
  if (run.skipped) throw new PublishRefused('busy', `${id}: a publish of this dataset is running; delete it once the publish has finished`);
  return run.result;
}
