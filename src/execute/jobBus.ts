import { EventEmitter } from 'node:events';
import type { Job } from '../model/job';
import { getJob } from './jobStore';
import type { Queryable } from './queryable';

/**
 * Job changes made in this process, announced to the event streams that follow them. A stream of
 * a job run by another process sees its changes by reading the job again (`follow` polls too).
 */
export class JobBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  /** Reads the job again and tells its followers. */
  async announce(q: Queryable, id: number): Promise<void> {
    const job = await getJob(q, id);
    if (job) this.emitter.emit(String(id), job);
  }

  /**
   * Calls `onChange` with the job's state whenever it changes here, and at least every `pollMs`
   * from the store (for jobs another process runs); returns the function that stops following.
   */
  follow(q: Queryable, id: number, onChange: (job: Job) => void, pollMs = 1000): () => void {
    const listener = (job: Job): void => onChange(job);
    this.emitter.on(String(id), listener);
    const timer = setInterval(() => {
      getJob(q, id).then((job) => { if (job) onChange(job); }, () => undefined);
    }, pollMs);
    timer.unref();
    return () => { clearInterval(timer); this.emitter.off(String(id), listener); };
  }
}
