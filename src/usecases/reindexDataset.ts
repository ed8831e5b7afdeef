import { getDataset } from '../execute/datasetStore';
import type { Deps } from '../execute/deps';
import { analyzeRecords, streamRecords } from '../execute/recordStore';
import { sweepQuietly } from '../execute/sweepRetiredIndices';
import { openLoadingVersion, type ReindexReport } from './loadingVersion';

export type { ReindexReport } from './loadingVersion';

/**
 * A rebuild of this many records or more first refreshes the planner's statistics of the records
 * table: the dataset may have just been published, before autovacuum has seen it.
 */
const ANALYZE_FROM_RECORDS = 10_000;

/**
 * Builds a new version of a dataset's index from PostgreSQL alone, then swaps the alias to it:
 * searches keep answering from the previous version until this one is complete. Reading the
 * next page from PostgreSQL overlaps with indexing the current one. If Elasticsearch refuses
 * any document for good, or the new version does not hold every record read, it is dropped and
 * the alias is left as it was.
 */
export async function reindexDataset(deps: Deps, datasetId: string): Promise<ReindexReport> {
  const dataset = await getDataset(deps.pool, datasetId);
  if (!dataset) throw new Error(`unknown dataset ${datasetId}`);
  if (dataset.recordsCount >= ANALYZE_FROM_RECORDS) await analyzeRecords(deps.pool);
  const loading = await openLoadingVersion(deps, datasetId, dataset.fields, dataset.recordsCount);
  try {
    let written = 0;
    for await (const page of streamRecords(deps.pool, datasetId)) {
      await loading.add(page);
      written += page.length;
    }
    const report = await loading.goLive(written);
    await sweepQuietly(deps);
    return report;
  } catch (err) {
    await loading.abandon();
    throw err;
  }
}
