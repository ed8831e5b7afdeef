import { eventStream } from './eventStream';
import type { Job, JobEvent, JobList, ManagedDataset, ManagedDatasetList } from './managementTypes';
import { ROUTES } from './routes';
import { textChunks } from './textChunks';
import type { Transport } from './transport';
import { uploadForm, type UploadFields, type UploadSource } from './uploadForm';

/** A page of a list: how many to skip and to give. */
export interface Page { limit?: number; offset?: number }

export interface FollowOptions {
  signal?: AbortSignal;
  /** How many times in a row to reconnect when the stream closes before `end` (default 3); each connection starts from the job's current state. */
  reconnects?: number;
}

const FINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

function pageParams(page: Page & { dataset?: string }): URLSearchParams {
  const out = new URLSearchParams();
  if (page.dataset !== undefined) out.set('dataset', page.dataset);
  if (page.limit !== undefined) out.set('limit', String(page.limit));
  if (page.offset !== undefined) out.set('offset', String(page.offset));
  return out;
}

/** The management API (`/api/management/v1`): datasets from uploads, and their jobs. Every call needs a key. */
export class ManagementClient {
  constructor(private readonly transport: Transport) {}

  /** The datasets this key manages. */
  listDatasets(page: Page = {}): Promise<ManagedDatasetList> {
    return this.transport.json(ROUTES.datasets, { params: pageParams(page) });
  }

  /** One dataset, with its metadata, fields and source. */
  getDataset(id: string): Promise<ManagedDataset> {
    return this.transport.json(ROUTES.dataset, { path: { id } });
  }

  /**
   * Creates a dataset from a file: the upload streams from disk (or from the Blob given), and the
   * answer is the job that publishes it (follow it with `followJob` or `waitForJob`).
   */
  async createDataset(source: UploadSource, fields: UploadFields = {}, options: { signal?: AbortSignal } = {}): Promise<Job> {
    return this.transport.json(ROUTES.datasetCreate, { body: await uploadForm(source, fields), signal: options.signal });
  }

  /** The jobs of the datasets this key manages (of one dataset with `dataset`), newest first. */
  listJobs(page: Page & { dataset?: string } = {}): Promise<JobList> {
    return this.transport.json(ROUTES.jobs, { params: pageParams(page) });
  }

  getJob(id: number): Promise<Job> {
    return this.transport.json(ROUTES.job, { path: { id } });
  }

  /** Asks a job to stop before it writes its records; the answer is the job as it is then (it ends CANCELLED). */
  cancelJob(id: number): Promise<Job> {
    return this.transport.json(ROUTES.jobCancel, { path: { id } });
  }

  /**
   * A job's Server-Sent Events: `progress` with its current state, one at each change, then `end`
   * with its final state, after which the iteration ends. Read over fetch's body stream, so the
   * key goes in a header (which the browser's EventSource cannot send). A stream that closes
   * before `end` is opened again, as an EventSource would.
   */
  async *followJob(id: number, options: FollowOptions = {}): AsyncGenerator<JobEvent, void, undefined> {
    let tries = options.reconnects ?? 3;
    for (;;) {
      const response = await this.transport.call(ROUTES.jobEvents, { path: { id }, accept: 'text/event-stream', signal: options.signal });
      let seen = false;
      for await (const message of eventStream(textChunks(response.body))) {
        if (message.event !== 'progress' && message.event !== 'end') continue;
        seen = true;
        const event: JobEvent = { event: message.event, job: JSON.parse(message.data) as Job };
        yield event;
        if (event.event === 'end') return;
      }
      tries = seen ? options.reconnects ?? 3 : tries - 1;
      if (tries < 0) throw new Error(`the events of job ${id} closed before its end, ${(options.reconnects ?? 3) + 1} times in a row`);
    }
  }

  /** Follows a job to its end and gives its final state (COMPLETED, FAILED or CANCELLED). */
  async waitForJob(id: number, options: FollowOptions = {}): Promise<Job> {
    let last: Job | undefined;
    for await (const { job } of this.followJob(id, options)) last = job;
    if (last === undefined || !FINAL.has(last.status)) throw new Error(`job ${id} has no final state`);
    return last;
  }
}
