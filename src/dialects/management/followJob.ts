import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import { isFinal, Job } from '../../model/job';

export type JobEventKind = 'progress' | 'end';

/** What changes from one event to the next (a job whose counts and state stay the same is not sent again). */
const fingerprint = (job: Job): string => `${job.state}|${job.phase}|${job.rowsRead}|${job.rowsPublished}|${job.rowsIndexed}|${job.rowsWarned}|${job.cancelRequested}`;

/**
 * Whether `current` was read before `last`: the follower gets the job from two readers (a change
 * announced here, and a poll of the store), and a poll that started before a change may answer
 * after it. Progress never goes backwards on a stream.
 */
const isOlder = (current: Job, last: Job): boolean =>
  current.updatedAt.getTime() < last.updatedAt.getTime()
  || (current.updatedAt.getTime() === last.updatedAt.getTime() && current.rowsRead < last.rowsRead);

/**
 * Follows a job for an event stream: `emit` gets a `progress` event with the job as it is now (a
 * client that connects late starts from the current state), one on every change after it, then
 * an `end` event with the final state, after which following stops. Returns the function that
 * stops following early (the client went away).
 */
export function followJob(deps: Deps, bus: JobBus, job: Job, emit: (kind: JobEventKind, job: Job) => void): () => void {
  let last: Job | undefined;
  let ended = false;
  let stop = (): void => undefined;
  const send = (current: Job): void => {
    if (ended || (last !== undefined && (isOlder(current, last) || fingerprint(current) === fingerprint(last)))) return;
    last = current;
    emit('progress', current);
    if (isFinal(current.state)) {
      ended = true;
      stop();
      emit('end', current);
    }
  };
  send(job);
  if (!ended) stop = bus.follow(deps.pool, job.id, send);
  return () => { ended = true; stop(); };
}
