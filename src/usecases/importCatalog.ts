import type { CatalogEntry } from '../catalog/catalogEntry';
import { rebuildCatalogIndex } from '../execute/catalogIndex';
import { upsertCatalogEntry } from '../execute/datasetStore';
import type { Deps } from '../execute/deps';

/** Loads catalog entries as metadata-only datasets (in one transaction), then rebuilds the catalog index. */
export async function importCatalog(deps: Deps, entries: readonly CatalogEntry[], domain: string): Promise<{ imported: number; indexed: number }> {
  const client = await deps.pool.connect();
  try {
    await client.query('BEGIN');
    for (const e of entries) await upsertCatalogEntry(client, { ...e, domain });
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  const { count } = await rebuildCatalogIndex(deps);
  return { imported: entries.length, indexed: count };
}
