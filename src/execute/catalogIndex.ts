import { createHash } from 'node:crypto';
import catalogTemplate from '../../mappings/catalog.json';
import { datasetObjectText, indexedCatalogDocument, packageDictText } from '../catalog/catalogPageText';
import type { CatalogHit } from '../model/dataset';
import { catalogAlias, catalogIndex } from '../schema/indexNames';
import { withLayout } from '../index/indexLayout';
import { bulkIndex } from './bulkIndex';
import { countDatasets, datasetPages, datasetRowVersion, datasetRowVersions, getDataset, getDatasetVersion } from './datasetStore';
import type { Deps } from './deps';
import { indexLayoutFor } from './indexLayoutFor';
import { liveIndexFormat } from './liveIndexFormat';
import { createLoadingIndex, finishLoading, swapAlias } from './versionedIndex';

/**
 * Bump when catalogDocument() changes what it writes without the mapping changing (5: French
 * elisions split by fold(); 6: the dataset object written in `dataset.ods`; 7: the texts written
 * as binary fields stored outside `_source`: the dataset object, and CKAN's and data4citizen's
 * package dicts, in `written_ods`, `written_ckan`, `written_d4c`).
 */
const DOCUMENT_VERSION = 7;

/** An entry with every part a dataset object shows: the text it is written as is part of the catalog's format. */
const PROBE: CatalogHit = {
  datasetid: 'probe', has_records: true, features: ['analyze', 'geo'],
  dataset: {
    metas: { title: 'Probe', theme: ['Environnement'], records_count: 1 },
    fields: [{ name: 'f', label: 'F', type: 'text', description: 'Described', annotations: [{ name: 'facet' }, { name: 'facetsort', args: ['-count'] }], source: { column: 'f' } }],
    dcat: { created: '2020-01-01' },
    store: { resource_id: 'r', visibility: 'public', state: 'published', created_at: '2020-01-01T00:00:00.000Z', updated_at: '2020-01-01T00:00:00.000Z', published_at: null },
  },
};

/**
 * What the catalog index's documents and mapping are: kept in the index's `_meta`, so that an
 * index built by an older version of portal-search is rebuilt rather than written to (its strict
 * mapping would refuse the new documents). The written texts are part of it: when the writer of
 * the dataset object or of a package dict changes what it writes for the probe, the index is rebuilt.
 */
export const CATALOG_FORMAT = `${DOCUMENT_VERSION}:${createHash('sha256').update(JSON.stringify(catalogTemplate)).update(datasetObjectText(PROBE)).update(packageDictText(PROBE, 'ckan')).update(packageDictText(PROBE, 'd4c')).digest('hex').slice(0, 16)}`;

/** Catalog entries read from PostgreSQL and bulk-indexed at a time by a rebuild. */
const CATALOG_PAGE = 500;

/**
 * Rebuilds the catalog index from PostgreSQL into a new version and swaps the alias, then writes
 * again the entries that changed while it ran (`catchUp`): without that, a dataset published,
 * changed or deleted after its page was read, whose own entry update went to the old index
 * before the swap, would be missing, stale or still listed until its next change.
 */
export async function rebuildCatalogIndex(deps: Deps): Promise<{ index: string; count: number }> {
  const { es, pool, indexPrefix } = deps;
  // Read before the first page: every change committed later shows as another row version.
  const before = await datasetRowVersions(pool);
  const index = catalogIndex(indexPrefix, Date.now());
  // One shard: a catalog of even 100,000 datasets is small; replicas as for record indices.
  const layout = { ...(await indexLayoutFor(deps, await countDatasets(pool))), shards: 1 };
  await createLoadingIndex(es, index, withLayout({ ...catalogTemplate, mappings: { ...catalogTemplate.mappings, _meta: { format: CATALOG_FORMAT } } }, layout));
  try {
    // A page at a time: a catalog entry and its document come to up to tens of KB each.
    for await (const page of datasetPages(pool, CATALOG_PAGE)) {
      const res = await bulkIndex(es, index, page.map((d) => ({ id: d.id, doc: indexedCatalogDocument(d) })));
      if (res.rejected > 0) throw new Error(`Elasticsearch refused ${res.rejected} catalog documents (${res.firstRejection})`);
    }
    await finishLoading(es, index);
  } catch (err) {
    await es.indices.delete({ index, ignore_unavailable: true }).catch(() => undefined);
    throw err;
  }
  const alias = catalogAlias(indexPrefix);
  const old = await swapAlias(es, alias, index);
  if (old.length > 0) await es.indices.delete({ index: old.join(','), ignore_unavailable: true });
  await catchUp(deps, alias, before);
  return { index, count: (await es.count({ index })).count };
}

/** How many times the catch-up writes one entry whose row keeps changing while it is written. */
const CATCH_UP_TRIES = 5;

/**
 * After a rebuild's swap, writes through the alias the entry of every dataset whose row changed,
 * appeared or went since `before` (read before the rebuild's first page). A change committed
 * from now on has its own entry update go to the new index, as every change does.
 */
async function catchUp(deps: Deps, alias: string, before: Map<string, string>): Promise<void> {
  const now = await datasetRowVersions(deps.pool);
  const changed = [...now].filter(([id, v]) => before.get(id) !== v).map(([id]) => id);
  const gone = [...before.keys()].filter((id) => !now.has(id));
  for (const id of [...changed, ...gone]) await catchUpEntry(deps, alias, id);
  if (changed.length + gone.length > 0) await deps.es.indices.refresh({ index: alias });
}

/**
 * Writes one entry as PostgreSQL has it, and again while its row changed in the meantime: a change
 * committed between the read and the write has had its own, newer entry written first, and the
 * catch-up's older one must not stay over it.
 */
async function catchUpEntry(deps: Deps, alias: string, datasetId: string): Promise<void> {
  for (let i = 0; i < CATCH_UP_TRIES; i++) {
    const read = await getDatasetVersion(deps.pool, datasetId);
    if (read) await deps.es.index({ index: alias, id: datasetId, document: indexedCatalogDocument(read.dataset) });
    else await deps.es.delete({ index: alias, id: datasetId }, { ignore: [404] });
    if ((await datasetRowVersion(deps.pool, datasetId)) === read?.version) return;
  }
}

/**
 * Builds the catalog index when there is none (a fresh installation) or when it was built in
 * another format (an upgrade): true when it did.
 */
export async function ensureCatalogIndex(deps: Deps): Promise<boolean> {
  if ((await liveIndexFormat(deps.es, catalogAlias(deps.indexPrefix))) === CATALOG_FORMAT) return false;
  await rebuildCatalogIndex(deps);
  return true;
}

/**
 * Updates one dataset's catalog entry (the whole catalog index is built when missing), searchable
 * when this returns. The catalog's shard is refreshed at once: waiting for its next periodic
 * refresh (`wait_for`) took 0.3 to 1 s of every publish, and publishes are too rare for the extra
 * small segments to matter.
 */
export async function refreshCatalogEntry(deps: Deps, datasetId: string): Promise<void> {
  const alias = catalogAlias(deps.indexPrefix);
  if (await ensureCatalogIndex(deps)) return;
  const dataset = await getDataset(deps.pool, datasetId);
  if (!dataset) { await deps.es.delete({ index: alias, id: datasetId, refresh: true }, { ignore: [404] }); return; }
  await deps.es.index({ index: alias, id: datasetId, document: indexedCatalogDocument(dataset), refresh: true });
}
