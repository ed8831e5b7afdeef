import { Request, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import { getJob, listJobs, requestCancel } from '../../execute/jobStore';
import type { Job } from '../../model/job';
import { isFinal } from '../../model/job';
import { keyHolderOf, managedScope } from './managementKey';
import { MANAGEMENT_PREFIX } from './managementPaths';
import { pageParams, queryParams } from './pageParams';
import { streamJobEvents } from './jobEvents';
import { socketJobEvents } from './jobSocket';
import { isWebSocketUpgrade, takeUpgrade } from '../shared/upgrades';
import { jobJson } from './wire';

/** A job of a dataset the key manages; any other is a 404. */
async function managedJob(deps: Deps, req: Request, idText: string): Promise<Job> {
  const scope = managedScope(req);
  const id = /^\d{1,15}$/.test(idText) ? Number(idText) : NaN;
  const job = Number.isNaN(id) ? undefined : await getJob(deps.pool, id);
  if (!job || (scope !== undefined && job.domain !== scope)) throw new AppError('not_found', `No job ${idText.slice(0, 30)} that this key manages.`);
  return job;
}

const jobsQuery = z.strictObject({ dataset: z.string().min(1).max(100).optional() });

/** Jobs: list, get, cancel, and follow as Server-Sent Events or over a WebSocket. */
export function jobRoutes(deps: Deps, bus: JobBus): Router {
  const router = Router();
  router.get(`${MANAGEMENT_PREFIX}/jobs`, async (req, res) => {
    const scope = managedScope(req);
    const { limit, offset } = pageParams(req);
    const { dataset } = queryParams(req).scalars(jobsQuery, ['dataset']);
    const { total, jobs } = await listJobs(deps.pool, { domain: scope, datasetId: dataset }, limit, offset);
    res.json({ total, limit, offset, jobs: jobs.map(jobJson) });
  });
  router.get(`${MANAGEMENT_PREFIX}/jobs/:id`, async (req, res) => {
    res.json(jobJson(await managedJob(deps, req, req.params.id)));
  });
  router.delete(`${MANAGEMENT_PREFIX}/jobs/:id`, async (req, res) => {
    const job = await managedJob(deps, req, req.params.id);
    if (isFinal(job.state)) throw new AppError('conflict', `Job ${job.id} has ended already (${jobJson(job).status as string}).`);
    if (job.phase === 'indexing' || job.phase === 'cataloguing') {
      throw new AppError('conflict', `Job ${job.id} has written its records and is indexing them: it can no longer be cancelled.`);
    }
    const now = (await requestCancel(deps.pool, job.id))!;
    await bus.announce(deps.pool, job.id);
    res.status(202).json(jobJson(now));
  });
  router.get(`${MANAGEMENT_PREFIX}/jobs/:id/events`, async (req, res) => {
    keyHolderOf(req);
    const job = await managedJob(deps, req, req.params.id);
    const upgrade = isWebSocketUpgrade(req) ? takeUpgrade(req) : undefined;
    if (upgrade) socketJobEvents(deps, bus, req, upgrade, job);
    else streamJobEvents(deps, bus, req, res, job);
  });
  return router;
}
