import catalogTemplate from '../../mappings/catalog.json';
import { catalogDocument } from '../catalog/catalogDocument';
import { catalogAlias, catalogIndex } from '../index/indexNames';
import { bulkIndex } from './bulkIndex';
import { getDataset, listDatasets } from './datasetStore';
import type { Deps } from './deps';
import { aliasTargets, createLoadingIndex, finishLoading, swapAlias } from './versionedIndex';

/** Rebuilds the catalog index from PostgreSQL into a new version and swaps the alias. */
export async function rebuildCatalogIndex(deps: Deps): Promise<{ index: string; count: number }> {
  const { es, pool, indexPrefix } = deps;
  const index = catalogIndex(indexPrefix, Date.now());
  await createLoadingIndex(es, index, catalogTemplate);
  try {
    const docs = (await listDatasets(pool)).map((d) => ({ id: d.id, doc: catalogDocument(d) }));
    for (let i = 0; i < docs.length; i += 500) {
      const res = await bulkIndex(es, index, docs.slice(i, i + 500));
      if (res.rejected > 0) throw new Error(`Elasticsearch refused ${res.rejected} catalog documents (${res.firstRejection})`);
    }
    const count = await finishLoading(es, index);
    const old = await swapAlias(es, catalogAlias(indexPrefix), index);
    if (old.length > 0) await es.indices.delete({ index: old.join(','), ignore_unavailable: true });
    return { index, count };
  } catch (err) {
    await es.indices.delete({ index, ignore_unavailable: true }).catch(() => undefined);
    throw err;
  }
}

/** Builds the catalog index when there is none (a fresh installation): true when it did. */
export async function ensureCatalogIndex(deps: Deps): Promise<boolean> {
  if ((await aliasTargets(deps.es, catalogAlias(deps.indexPrefix))).length > 0) return false;
  await rebuildCatalogIndex(deps);
  return true;
}

/** Updates one dataset's catalog entry (the whole catalog index is built when missing). */
export async function refreshCatalogEntry(deps: Deps, datasetId: string): Promise<void> {
  const alias = catalogAlias(deps.indexPrefix);
  if (await ensureCatalogIndex(deps)) return;
  const dataset = await getDataset(deps.pool, datasetId);
  if (!dataset) { await deps.es.delete({ index: alias, id: datasetId, refresh: 'wait_for' }, { ignore: [404] }); return; }
  await deps.es.index({ index: alias, id: datasetId, document: catalogDocument(dataset), refresh: 'wait_for' });
}
