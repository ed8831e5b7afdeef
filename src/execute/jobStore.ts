import type { Job, JobPhase, JobRequest, JobState, JobWarning } from '../model/job';
import type { Queryable } from './queryable';

interface Row {
  id: string; dataset_id: string; domain_id: string | null; state: JobState; phase: JobPhase | null; rows_read: number; rows_published: number;
  rows_indexed: number; rows_warned: number; warnings: JobWarning[]; error: string | null; cancel_requested: boolean; request: JobRequest | null;
  started_at: Date; updated_at: Date; finished_at: Date | null;
}

const toJob = (r: Row): Job => ({
  id: Number(r.id), datasetId: r.dataset_id, domain: r.domain_id, state: r.state, phase: r.phase, rowsRead: r.rows_read, rowsPublished: r.rows_published,
  rowsIndexed: r.rows_indexed, rowsWarned: r.rows_warned, warnings: r.warnings, error: r.error, cancelRequested: r.cancel_requested,
  request: r.request, startedAt: r.started_at, updatedAt: r.updated_at, finishedAt: r.finished_at,
});

/** Records a job to run (PENDING). */
export async function createJob(q: Queryable, datasetId: string, domain: string, request: JobRequest): Promise<Job> {
  const { rows } = await q.query<Row>(
    `INSERT INTO ingest_jobs (dataset_id, domain_id, source, state, request) VALUES ($1, $2, $3, 'pending', $4) RETURNING *`,
    [datasetId, domain, request.descriptor.source?.path ?? null, JSON.stringify(request)]);
  return toJob(rows[0]);
}

export async function getJob(q: Queryable, id: number): Promise<Job | undefined> {
  const { rows } = await q.query<Row>('SELECT * FROM ingest_jobs WHERE id = $1', [id]);
  return rows[0] && toJob(rows[0]);
}

/** Jobs, newest first: of one dataset, or of the datasets of one domain, or all. */
export async function listJobs(q: Queryable, filter: { datasetId?: string; domain?: string }, limit: number, offset: number): Promise<{ total: number; jobs: Job[] }> {
  const where: string[] = [];
  const values: unknown[] = [];
  if (filter.datasetId !== undefined) { values.push(filter.datasetId); where.push(`dataset_id = $${values.length}`); }
  if (filter.domain !== undefined) { values.push(filter.domain); where.push(`domain_id = $${values.length}`); }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const { rows } = await q.query<Row & { total: string }>(
    `SELECT *, count(*) OVER () AS total FROM ingest_jobs ${clause} ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`, values);
  return { total: rows.length > 0 ? Number(rows[0].total) : 0, jobs: rows.map(toJob) };
}

/** What a dataset's latest publish over the management API was asked to do (none after CLI publishes only). */
export async function lastRequestOf(q: Queryable, datasetId: string): Promise<JobRequest | undefined> {
  const { rows } = await q.query<Row>('SELECT * FROM ingest_jobs WHERE dataset_id = $1 AND request IS NOT NULL ORDER BY id DESC LIMIT 1', [datasetId]);
  return rows[0] && (toJob(rows[0]).request ?? undefined);
}

/** The job of a dataset that is pending or running, if any. */
export async function activeJobOf(q: Queryable, datasetId: string): Promise<Job | undefined> {
  const { rows } = await q.query<Row>("SELECT * FROM ingest_jobs WHERE dataset_id = $1 AND state IN ('pending', 'running') ORDER BY id DESC LIMIT 1", [datasetId]);
  return rows[0] && toJob(rows[0]);
}

/** PENDING → RUNNING; false when the job is no longer pending (cancelled, or failed as an orphan). */
export async function markRunning(q: Queryable, id: number): Promise<boolean> {
  const r = await q.query("UPDATE ingest_jobs SET state = 'running', phase = 'reading', updated_at = now() WHERE id = $1 AND state = 'pending'", [id]);
  return (r.rowCount ?? 0) > 0;
}

/** Progress of a running job; returns whether its cancellation was asked for. */
export async function recordProgress(q: Queryable, id: number, progress: { phase?: JobPhase; rowsRead?: number; rowsIndexed?: number }): Promise<boolean> {
  const { rows } = await q.query<{ cancel_requested: boolean }>(
    `UPDATE ingest_jobs SET phase = COALESCE($2, phase), rows_read = COALESCE($3, rows_read), rows_indexed = COALESCE($4, rows_indexed), updated_at = now()
     WHERE id = $1 RETURNING cancel_requested`,
    [id, progress.phase ?? null, progress.rowsRead ?? null, progress.rowsIndexed ?? null]);
  return rows[0]?.cancel_requested ?? false;
}

/** What a publish wrote, in its own transaction (so that the counts and the records commit together). */
export async function recordWritten(q: Queryable, id: number, w: { rowsRead: number; published: number; rowsWarned: number; warnings: JobWarning[] }): Promise<void> {
  await q.query(
    `UPDATE ingest_jobs SET rows_read = $2, rows_published = $3, rows_warned = $4, warnings = $5, updated_at = now() WHERE id = $1`,
    [id, w.rowsRead, w.published, w.rowsWarned, JSON.stringify(w.warnings)]);
}

/** The end of a job: COMPLETED (`published`), FAILED with why, or CANCELLED. */
export async function finishJob(q: Queryable, id: number, end: { state: 'published' | 'failed' | 'cancelled'; error?: string; warnings?: JobWarning[]; rowsWarned?: number }): Promise<void> {
  await q.query(
    `UPDATE ingest_jobs SET state = $2, error = $3, warnings = COALESCE($4, warnings), rows_warned = COALESCE($5, rows_warned), finished_at = now(), updated_at = now()
     WHERE id = $1`,
    [id, end.state, end.error ?? null, end.warnings === undefined ? null : JSON.stringify(end.warnings), end.rowsWarned ?? null]);
}

/**
 * Asks a job to stop: a pending one is cancelled at once, a running one stops at its next batch of
 * rows (before its records replace the previous version's). Returns the job as it now is.
 */
export async function requestCancel(q: Queryable, id: number): Promise<Job | undefined> {
  const { rows } = await q.query<Row>(
    `UPDATE ingest_jobs SET cancel_requested = true, updated_at = now(),
       state = CASE WHEN state = 'pending' THEN 'cancelled' ELSE state END,
       finished_at = CASE WHEN state = 'pending' THEN now() ELSE finished_at END
     WHERE id = $1 RETURNING *`, [id]);
  return rows[0] && toJob(rows[0]);
}

/**
 * Jobs that may have lost their runner: running ones not heard of for `quietSeconds`, pending ones
 * older than a minute (a runner starts its job at once).
 */
export async function unfinishedJobs(q: Queryable, quietSeconds = 30): Promise<Job[]> {
  const { rows } = await q.query<Row>(
    `SELECT * FROM ingest_jobs WHERE (state = 'running' AND updated_at < now() - make_interval(secs => $1))
       OR (state = 'pending' AND started_at < now() - interval '1 minute') ORDER BY id`, [quietSeconds]);
  return rows.map(toJob);
}
