import type { Deps } from '../execute/deps';
import { exclusively, publishLockKey } from '../execute/exclusively';
import { PublishRefused } from '../errors/publishRefused';
import { reindexDataset, type ReindexReport } from './reindexDataset';

/**
 * Rebuilds a dataset's index as reindexDataset does, under the dataset's publish lock: never
 * while a publish or another rebuild of the same dataset runs in any process (they would
 * compete for the same index version). Refused as `busy` then, with nothing changed.
 */
export async function reindexAlone(deps: Deps, datasetId: string): Promise<ReindexReport> {
  const run = await exclusively(deps.pool, publishLockKey(datasetId), () => reindexDataset(deps, datasetId));
  if (run.skipped) throw new PublishRefused('busy', `${datasetId}: a publish or rebuild of this dataset is running; nothing was changed (reindex again once it has finished)`);
  return run.result;
}
