import { RECORDS_FORMAT } from '../index/recordsFormat';
import { recordsAlias } from '../schema/indexNames';
import { listDatasets } from '../execute/datasetStore';
import type { Deps } from '../execute/deps';
import { liveIndexFormat } from '../execute/liveIndexFormat';
import { reindexDataset } from './reindexDataset';

/** What upgradeRecordIndices did: the datasets it rebuilt, and those whose rebuild failed (their old index still answers). */
export interface UpgradeReport {
  rebuilt: string[];
  failed: Array<{ datasetId: string; error: unknown }>;
}

/**
 * Rebuilds, one after the other, the record indices of the datasets whose live index was built
 * in another format than this version writes (an upgrade that changed the indexed text), or that
 * have records but no index. Searches keep answering from the old index until its replacement
 * is complete; a dataset whose rebuild fails keeps it, and the others are still rebuilt.
 */
export async function upgradeRecordIndices(deps: Deps): Promise<UpgradeReport> {
  const report: UpgradeReport = { rebuilt: [], failed: [] };
  for (const dataset of await listDatasets(deps.pool)) {
    if (!dataset.hasRecords) continue;
    if ((await liveIndexFormat(deps.es, recordsAlias(deps.indexPrefix, dataset.id))) === RECORDS_FORMAT) continue;
    try {
      await reindexDataset(deps, dataset.id);
      report.rebuilt.push(dataset.id);
    } catch (error) {
      report.failed.push({ datasetId: dataset.id, error });
    }
  }
  return report;
}
