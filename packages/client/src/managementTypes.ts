/**
 * The answers of the management API (`/api/management/v1`), written after the OpenAPI document's
 * `components.schemas` (Job, JobList, ManagedDataset, ManagedDatasetList). A test checks each
 * interface against its schema: the same properties, required where the schema requires them.
 */

/** Where a job is: waiting, at work, or finished one of three ways. */
export type JobStatus = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
/** What a running job is doing. */
export type JobPhase = 'reading' | 'indexing' | 'cataloguing';

/** A row that was published with a warning (a value that did not fit its type, say). */
export interface JobWarning { position?: number; field?: string; message?: string }

/** A publish job (schema `Job`). */
export interface Job {
  id: number;
  dataset_id: string;
  domain: string | null;
  status: JobStatus;
  phase: JobPhase | null;
  rows_read: number;
  rows_published: number;
  rows_indexed: number;
  rows_warned: number;
  /** The first warnings (the counts are in `rows_warned`). */
  warnings: JobWarning[];
  error: string | null;
  cancel_requested: boolean;
  filename: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  links: { self?: string; events?: string; dataset?: string };
}

/** A page of jobs, newest first (schema `JobList`). */
export interface JobList { total: number; limit?: number; offset?: number; jobs: Job[] }

/** What a dataset is, in one word: a job is at work on it, it serves records, its last job failed, or it has none. */
export type DatasetStatus = 'processing' | 'ready' | 'failed' | 'empty';

/** A dataset under management (schema `ManagedDataset`); `metadata`, `fields` and `source` come with one dataset, not in lists. */
export interface ManagedDataset {
  id: string;
  domain: string;
  title: string;
  visibility: 'public' | 'private';
  state: 'draft' | 'published';
  status: DatasetStatus;
  records_count: number;
  /** The live index version; null before the first publish. */
  version: number | null;
  published_at: string | null;
  updated_at: string;
  last_job: { id?: number; status?: JobStatus; finished_at?: string | null; error?: string | null } | null;
  links: { self?: string; features?: string; jobs?: string };
  metadata?: Record<string, unknown>;
  fields?: Array<Record<string, unknown>>;
  source?: Record<string, unknown> | null;
}

/** A page of datasets (schema `ManagedDatasetList`). */
export interface ManagedDatasetList { total: number; limit?: number; offset?: number; datasets: ManagedDataset[] }

/** One event of a job's stream: `progress` (the current state first, then each change), then `end` with the final state. */
export interface JobEvent { event: 'progress' | 'end'; job: Job }
