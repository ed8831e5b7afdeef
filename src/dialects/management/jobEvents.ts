import type { Request, Response } from 'express';
import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import { isFinal, Job } from '../../model/job';
import { jobJson } from './wire';

/** How often a quiet stream sends a comment, so that proxies and the server's idle timeout keep it open. */
const HEARTBEAT_MS = 15_000;

/** What changes from one event to the next (a job whose counts and state stay the same is not sent again). */
const fingerprint = (job: Job): string => `${job.state}|${job.phase}|${job.rowsRead}|${job.rowsPublished}|${job.rowsIndexed}|${job.rowsWarned}|${job.cancelRequested}`;

/**
 * A job's progress as Server-Sent Events: a `progress` event with the job as it is now (a client
 * that connects late starts from the current state), one on every change after it, then an `end`
 * event with the final state, and the stream closes. Each event's `data` is the job's JSON.
 */
export function streamJobEvents(deps: Deps, bus: JobBus, req: Request, res: Response, job: Job): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
  let sequence = 0;
  let last = '';
  let stop = (): void => undefined;
  const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
  const close = (): void => { clearInterval(heartbeat); stop(); };
  const send = (current: Job): void => {
    if (res.writableEnded) return;
    const print = fingerprint(current);
    if (print === last) return;
    last = print;
    const final = isFinal(current.state);
    res.write(`id: ${++sequence}\nevent: progress\ndata: ${JSON.stringify(jobJson(current))}\n\n`);
    if (final) {
      res.write(`id: ${++sequence}\nevent: end\ndata: ${JSON.stringify(jobJson(current))}\n\n`);
      close();
      res.end();
    }
  };
  req.on('close', close);
  send(job);
  if (!res.writableEnded) stop = bus.follow(deps.pool, job.id, send);
}
