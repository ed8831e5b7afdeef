import type { Descriptor } from './descriptor';
import type { Rule } from './rule';

/** A job's state as stored; the management API shows it in capitals (`published` as COMPLETED). */
export type JobState = 'pending' | 'running' | 'published' | 'failed' | 'cancelled';

/** Where a running publish is. */
export type JobPhase = 'reading' | 'indexing' | 'cataloguing';

export const FINAL_STATES: readonly JobState[] = ['published', 'failed', 'cancelled'];

/** What a job was asked to do: publish this descriptor (its source a stored upload) with these options. */
export interface JobRequest {
  descriptor: Descriptor;
  /** The most rows (a share) that may warn; the descriptor's, or 5 %, when absent. */
  maxWarningShare?: number;
  /** Publish over a metadata-only catalog entry of the same id. */
  takeOver?: boolean;
  /** The uploaded file's name as the client sent it. */
  filename?: string;
  /** The processing rules to run (a `POST jobs` with its own); the dataset's stored rules when absent. */
  rules?: Rule[];
}

/** One warning of a publish, where it was found and about which field. */
export interface JobWarning { position: number; field?: string; message: string }

export interface Job {
  id: number;
  datasetId: string;
  domain: string | null;
  state: JobState;
  phase: JobPhase | null;
  rowsRead: number;
  rowsPublished: number;
  rowsIndexed: number;
  rowsWarned: number;
  warnings: JobWarning[];
  error: string | null;
  cancelRequested: boolean;
  request: JobRequest | null;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

export const isFinal = (state: JobState): boolean => FINAL_STATES.includes(state);
