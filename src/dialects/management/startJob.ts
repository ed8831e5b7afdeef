import type { Response } from 'express';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import { activeJobOf, createJob } from '../../execute/jobStore';
import type { JobRequest } from '../../model/job';
import { runPublishJob } from '../../usecases/runPublishJob';
import { MANAGEMENT_PREFIX } from './managementPaths';
import { jobJson } from './wire';

/**
 * Records a publish job and starts it in the background; answers 202 with the job and its
 * `Location`. A dataset with a job already pending or running is a 409 (the publish lock
 * refuses the rare second one that gets past this check).
 */
export async function startJob(deps: Deps, bus: JobBus, res: Response, request: JobRequest): Promise<void> {
  const id = request.descriptor.id;
  const active = await activeJobOf(deps.pool, id);
  if (active) throw new AppError('conflict', `Job ${active.id} is already publishing ${id}; wait for it to end (${MANAGEMENT_PREFIX}/jobs/${active.id}) or cancel it.`);
  const job = await createJob(deps.pool, id, request.descriptor.domain, request);
  void runPublishJob(deps, bus, job);
  res.status(202).location(`${MANAGEMENT_PREFIX}/jobs/${job.id}`).json(jobJson(job));
}
