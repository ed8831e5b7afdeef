import type { DatasetMetadata } from '../model/descriptor';
import type { JobState } from '../model/job';
import { bumpCatalogGeneration } from './catalogGeneration';
import type { Queryable } from './queryable';

/** A dataset as the management API lists it: its state, the version searches read, its last job. */
export interface ManagedDataset {
  id: string;
  domain: string;
  title: string;
  visibility: 'public' | 'private';
  state: 'draft' | 'published';
  recordsCount: number;
  /** The live index version; null before the first publish or for a metadata-only entry. */
  version: number | null;
  publishedAt: Date | null;
  updatedAt: Date;
  lastJob: { id: number; state: JobState; finishedAt: Date | null; error: string | null } | null;
}

interface Row {
  id: string; domain_id: string; title: string; visibility: 'public' | 'private'; state: 'draft' | 'published'; records_count: number;
  version: number | null; published_at: Date | null; updated_at: Date;
  job_id: string | null; job_state: JobState | null; job_finished_at: Date | null; job_error: string | null; total: string;
}

const toManaged = (r: Row): ManagedDataset => ({
  id: r.id, domain: r.domain_id, title: r.title, visibility: r.visibility, state: r.state, recordsCount: r.records_count, version: r.version,
  publishedAt: r.published_at, updatedAt: r.updated_at,
  lastJob: r.job_id === null ? null : { id: Number(r.job_id), state: r.job_state!, finishedAt: r.job_finished_at, error: r.job_error },
});

const SELECT = `SELECT d.id, d.domain_id, d.metadata->>'title' AS title, d.visibility, d.state, d.records_count, d.published_at, d.updated_at,
    (SELECT max(v.version) FROM index_versions v WHERE v.dataset_id = d.id AND v.state = 'live') AS version,
    j.id AS job_id, j.state AS job_state, j.finished_at AS job_finished_at, j.error AS job_error, count(*) OVER () AS total
  FROM datasets d LEFT JOIN LATERAL (SELECT * FROM ingest_jobs j WHERE j.dataset_id = d.id ORDER BY j.id DESC LIMIT 1) j ON true`;

/** Datasets by id, of one domain or of all, with the total before paging. */
export async function listManagedDatasets(q: Queryable, domain: string | undefined, limit: number, offset: number): Promise<{ total: number; datasets: ManagedDataset[] }> {
  const { rows } = await q.query<Row>(
    `${SELECT} WHERE ($1::text IS NULL OR d.domain_id = $1) ORDER BY d.id LIMIT ${limit} OFFSET ${offset}`, [domain ?? null]);
  return { total: rows.length > 0 ? Number(rows[0].total) : 0, datasets: rows.map(toManaged) };
}

export async function getManagedDataset(q: Queryable, id: string): Promise<ManagedDataset | undefined> {
  const { rows } = await q.query<Row>(`${SELECT} WHERE d.id = $1`, [id]);
  return rows[0] && toManaged(rows[0]);
}

/** Changes what a dataset shows without touching its records: metadata, visibility, state. */
export async function updateDatasetHeader(q: Queryable, id: string, change: { metadata?: DatasetMetadata; visibility?: 'public' | 'private'; state?: 'draft' | 'published' }): Promise<void> {
  await q.query(
    `UPDATE datasets SET metadata = COALESCE($2::jsonb, metadata), visibility = COALESCE($3, visibility), state = COALESCE($4, state), updated_at = now() WHERE id = $1`,
    [id, change.metadata === undefined ? null : JSON.stringify(change.metadata), change.visibility ?? null, change.state ?? null]);
  bumpCatalogGeneration();
}

/**
 * Removes a dataset from PostgreSQL (its records and rules go with it) and retires its index
 * versions, in one transaction on `q`: the sweeper deletes each index once no export reads it.
 */
export async function removeDatasetRows(q: Queryable, id: string): Promise<void> {
  await q.query("UPDATE index_versions SET state = 'retired' WHERE dataset_id = $1 AND state IN ('live', 'building')", [id]);
  await q.query('DELETE FROM datasets WHERE id = $1', [id]);
  bumpCatalogGeneration();
}
