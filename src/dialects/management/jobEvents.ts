import type { Request, Response } from 'express';
import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import type { Job } from '../../model/job';
import { followJob } from './followJob';
import { jobJson } from './wire';

/** How often a quiet stream sends a comment, so that proxies and the server's idle timeout keep it open. */
export const HEARTBEAT_MS = 15_000;

/**
 * A job's progress as Server-Sent Events (see `followJob` for which events): each event's `data`
 * is the job's JSON, and the stream closes after the `end` event. A HEAD gets the headers alone.
 */
export function streamJobEvents(deps: Deps, bus: JobBus, req: Request, res: Response, job: Job): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
  // A HEAD has no body to stream: following the job for it would hold the job's poll until the client closed.
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  let sequence = 0;
  const heartbeat = setInterval(() => res.write(': still here\n\n'), HEARTBEAT_MS);
  const stop = followJob(deps, bus, job, (kind, current) => {
    if (res.writableEnded) return;
    res.write(`id: ${++sequence}\nevent: ${kind}\ndata: ${JSON.stringify(jobJson(current))}\n\n`);
    if (kind === 'end') {
      clearInterval(heartbeat);
      res.end();
    }
  });
  req.on('close', () => { clearInterval(heartbeat); stop(); });
}
