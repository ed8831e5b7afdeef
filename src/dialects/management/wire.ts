import type { ManagedDataset } from '../../execute/datasetAdmin';
import type { Job, JobState } from '../../model/job';
import { MANAGEMENT_PREFIX } from './managementPaths';

/** Job states as the management API names them (the GISPulse statuses, and CANCELLED). */
const STATUS: Record<JobState, string> = { pending: 'PENDING', running: 'RUNNING', published: 'COMPLETED', failed: 'FAILED', cancelled: 'CANCELLED' };

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** A job on the wire: its status, where it is, its counts, its first warnings, and its links. */
export function jobJson(job: Job): Record<string, unknown> {
  return {
    id: job.id, dataset_id: job.datasetId, domain: job.domain, status: STATUS[job.state], phase: job.phase,
    rows_read: job.rowsRead, rows_published: job.rowsPublished, rows_indexed: job.rowsIndexed, rows_warned: job.rowsWarned,
    warnings: job.warnings, error: job.error, cancel_requested: job.cancelRequested,
    filename: job.request?.filename ?? null,
    created_at: iso(job.startedAt), updated_at: iso(job.updatedAt), finished_at: iso(job.finishedAt),
    links: { self: `${MANAGEMENT_PREFIX}/jobs/${job.id}`, events: `${MANAGEMENT_PREFIX}/jobs/${job.id}/events`, dataset: `${MANAGEMENT_PREFIX}/datasets/${job.datasetId}` },
  };
}

/** A job's state in one line for a person: `RUNNING (reading): 3000 rows read, 0 indexed, 2 with warnings`. */
export function jobLine(job: Job): string {
  const counts = `${job.rowsRead} rows read, ${job.rowsIndexed} indexed, ${job.rowsWarned} with warnings`;
  return `${STATUS[job.state]}${job.phase ? ` (${job.phase})` : ''}: ${counts}${job.error ? `; ${job.error}` : ''}`;
}

/** What a dataset is, in one word: a job is at work on it, it serves records, its last job failed, or it has none. */
function statusOf(d: ManagedDataset): string {
  if (d.lastJob && (d.lastJob.state === 'pending' || d.lastJob.state === 'running')) return 'processing';
  if (d.version !== null) return 'ready';
  return d.lastJob?.state === 'failed' ? 'failed' : 'empty';
}

/** A dataset as the list shows it. */
export function datasetJson(d: ManagedDataset): Record<string, unknown> {
  return {
    id: d.id, domain: d.domain, title: d.title, visibility: d.visibility, state: d.state, status: statusOf(d),
    records_count: d.recordsCount, version: d.version, published_at: iso(d.publishedAt), updated_at: iso(d.updatedAt),
    last_job: d.lastJob === null ? null : { id: d.lastJob.id, status: STATUS[d.lastJob.state], finished_at: iso(d.lastJob.finishedAt), error: d.lastJob.error },
    links: { self: `${MANAGEMENT_PREFIX}/datasets/${d.id}`, features: `${MANAGEMENT_PREFIX}/datasets/${d.id}/features`, jobs: `${MANAGEMENT_PREFIX}/datasets/${d.id}/jobs` },
  };
}
