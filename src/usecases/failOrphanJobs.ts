import type { Deps } from '../execute/deps';
import { exclusively, publishLockKey } from '../execute/exclusively';
import { finishJob, unfinishedJobs } from '../execute/jobStore';

/**
 * Marks FAILED the jobs whose server stopped while they ran: a running job holds its dataset's
 * publish lock until it ends, so an unfinished job whose lock is free has nobody running it. One
 * stopped while reading had not committed (records and counts commit together): the previous
 * version still serves. Returns the ids it failed.
 */
export async function failOrphanJobs(deps: Deps, quietSeconds = 30): Promise<number[]> {
  const failed: number[] = [];
  for (const job of await unfinishedJobs(deps.pool, quietSeconds)) {
    const run = await exclusively(deps.pool, publishLockKey(job.datasetId), async (client) => {
      const error = job.phase === 'indexing' || job.phase === 'cataloguing'
        ? 'the server stopped while the new records were being indexed: searches still answer from the previous index (reindex the dataset, or publish again)'
        : 'the server stopped during the job; the previous version keeps serving (run the job again)';
      await finishJob(client, job.id, { state: 'failed', error });
    });
    if (!run.skipped) failed.push(job.id);
  }
  return failed;
}
