import { PublishRefused } from '../errors/publishRefused';
import type { Deps } from '../execute/deps';
import type { JobBus } from '../execute/jobBus';
import { finishJob, markRunning, recordProgress } from '../execute/jobStore';
import type { Job } from '../model/job';
import { publishDataset } from './publishDataset';

/** Thrown from a job's progress report when its cancellation was asked for: the publish rolls back. */
class JobCancelled extends Error {}

/**
 * Runs a PENDING publish job to its end: RUNNING with its phase and rows read as it goes, then
 * COMPLETED, FAILED (with why: a refused publish keeps the previous version) or CANCELLED (asked
 * before its records were written: nothing changed). Every change is announced on the bus.
 * Never throws: whatever happens ends in the job's row.
 */
export async function runPublishJob(deps: Deps, bus: JobBus, job: Job): Promise<void> {
  const id = job.id;
  const announce = (): Promise<void> => bus.announce(deps.pool, id).catch(() => undefined);
  try {
    if (!(await markRunning(deps.pool, id))) return;
    await announce();
    const request = job.request!;
    const report = await publishDataset(deps, request.descriptor, {
      baseDir: '/', jobId: id, maxWarningShare: request.maxWarningShare, takeOver: request.takeOver, rules: request.rules,
      onProgress: async (rowsRead) => {
        const cancel = await recordProgress(deps.pool, id, { rowsRead });
        await announce();
        if (cancel) throw new JobCancelled('cancelled');
      },
      onPhase: async (phase, counts) => {
        await recordProgress(deps.pool, id, { phase, rowsRead: counts.rowsRead });
        await announce();
      },
    });
    await recordProgress(deps.pool, id, { rowsIndexed: report.index.indexed });
    await finishJob(deps.pool, id, { state: 'published' });
  } catch (err) {
    if (err instanceof JobCancelled) {
      await finishJob(deps.pool, id, { state: 'cancelled', error: 'cancelled before the records were written: nothing changed' }).catch(() => undefined);
    } else {
      const refused = err instanceof PublishRefused;
      await finishJob(deps.pool, id, {
        state: 'failed', error: err instanceof Error ? err.message : String(err),
        ...(refused ? { warnings: [...err.warnings.first], rowsWarned: undefined } : {}),
      }).catch(() => undefined);
    }
  } finally {
    await announce();
  }
}
