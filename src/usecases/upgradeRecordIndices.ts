import { RECORDS_FORMAT } from '../index/recordsFormat';
import { recordsAlias } from '../schema/indexNames';
import { listRecordsDatasets } from '../execute/datasetStore';
import type { Deps } from '../execute/deps';
import { liveIndexFormat } from '../execute/liveIndexFormat';
import { reindexAlone } from './reindexAlone';
import { exclusively } from '../execute/exclusively';

/** The advisory lock that keeps two API processes from upgrading the same installation at once. */
const UPGRADE_LOCK = 7_302_020;

/** What upgradeRecordIndices did: the datasets it rebuilt, and those whose rebuild failed (their old index still answers). */
export interface UpgradeReport {
  /** True when another process sharing the database was already upgrading: this one left it to it. */
  elsewhere?: boolean;
  rebuilt: string[];
  failed: Array<{ datasetId: string; error: unknown }>;
}

/**
 * Rebuilds, one after the other, the record indices of the datasets whose live index was built
 * in another format than this version writes (an upgrade that changed the indexed text), or that
 * have records but no index. Searches keep answering from the old index until its replacement
 * is complete; a dataset whose rebuild fails keeps it, and the others are still rebuilt. Of
 * several API processes started together on one database, one upgrades and the others leave it.
 */
export async function upgradeRecordIndices(deps: Deps): Promise<UpgradeReport> {
  const run = await exclusively(deps.pool, UPGRADE_LOCK, () => upgradeAll(deps));
  return run.skipped ? { elsewhere: true, rebuilt: [], failed: [] } : run.result;
}

async function upgradeAll(deps: Deps): Promise<UpgradeReport> {
  const report: UpgradeReport = { rebuilt: [], failed: [] };
  for (const dataset of await listRecordsDatasets(deps.pool)) {
    if ((await liveIndexFormat(deps.es, recordsAlias(deps.indexPrefix, dataset.id))) === RECORDS_FORMAT) continue;
    try {
      await reindexAlone(deps, dataset.id);
      report.rebuilt.push(dataset.id);
    } catch (error) {
      report.failed.push({ datasetId: dataset.id, error });
    }
  }
  return report;
}
