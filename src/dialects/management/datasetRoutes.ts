import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Request, Router } from 'express';
import { z } from 'zod';
import { AppError } from '../../errors/catalogue';
import { PublishRefused } from '../../errors/publishRefused';
import { refreshCatalogEntry } from '../../execute/catalogIndex';
import { getManagedDataset, listManagedDatasets, updateDatasetHeader } from '../../execute/datasetAdmin';
import { getDataset } from '../../execute/datasetStore';
import type { Deps } from '../../execute/deps';
import { lastRequestOf, listJobs } from '../../execute/jobStore';
import { metadataSchema } from '../../model/descriptor';
import type { DatasetRow } from '../../model/dataset';
import { deleteDataset } from '../../usecases/deleteDataset';
import { formatOf } from '../../ingest/readers/readerFor';
import { datasetManager, keyHolderOf, managedScope } from './managementKey';
import { MANAGEMENT_PREFIX } from './managementPaths';
import { pageParams } from './pageParams';
import { datasetJson, jobJson } from './wire';

/** A dataset the key may manage; one it may not see is a 404, as one that does not exist. */
export async function managedDataset(deps: Deps, req: Request, id: string): Promise<DatasetRow> {
  const key = datasetManager(req, keyHolderOf(req).domain);
  const dataset = await getDataset(deps.pool, id);
  if (!dataset || (key.role !== 'admin' && key.domain !== dataset.domain)) throw new AppError('not_found', `No dataset ${id.slice(0, 100)} that this key manages.`);
  return dataset;
}

/** PATCH body: metadata keys to set (null removes one, title excepted), visibility, state. */
const patchSchema = z.strictObject({
  metadata: z.record(z.string(), z.unknown()).optional(),
  visibility: z.enum(['public', 'private']).optional(),
  state: z.enum(['draft', 'published']).optional(),
});

const problemsOf = (error: z.ZodError, prefix = ''): string[] =>
  error.issues.map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)'}: ${i.message}${i.code === 'unrecognized_keys' ? ` (${i.keys.join(', ')})` : ''}`);

/** The dataset routes: list, get, change what a dataset shows, delete, and its jobs. */
export function datasetRoutes(deps: Deps, uploadDir: string): Router {
  const router = Router();
  router.get(`${MANAGEMENT_PREFIX}/datasets`, async (req, res) => {
    const scope = managedScope(req);
    const { limit, offset } = pageParams(req);
    const { total, datasets } = await listManagedDatasets(deps.pool, scope, limit, offset);
    res.json({ total, limit, offset, datasets: datasets.map(datasetJson) });
  });
  router.get(`${MANAGEMENT_PREFIX}/datasets/:id`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const managed = (await getManagedDataset(deps.pool, row.id))!;
    const last = await lastRequestOf(deps.pool, row.id);
    const source = last?.descriptor.source;
    res.json({
      ...datasetJson(managed), metadata: row.metadata, fields: row.fields,
      source: source === undefined ? null : { ...source, format: formatOf(source), path: undefined, filename: last?.filename ?? null },
    });
  });
  router.patch(`${MANAGEMENT_PREFIX}/datasets/:id`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const body = patchSchema.safeParse(req.body ?? {});
    if (!body.success) throw new AppError('unprocessable', 'The change cannot be applied.', { problems: problemsOf(body.error) });
    let metadata;
    if (body.data.metadata !== undefined) {
      const merged: Record<string, unknown> = { ...row.metadata };
      for (const [k, v] of Object.entries(body.data.metadata)) { if (v === null) delete merged[k]; else merged[k] = v; }
      const checked = metadataSchema.safeParse(merged);
      if (!checked.success) throw new AppError('unprocessable', 'The metadata cannot be applied.', { problems: problemsOf(checked.error, 'metadata') });
      metadata = checked.data;
    }
    await updateDatasetHeader(deps.pool, row.id, { metadata, visibility: body.data.visibility, state: body.data.state });
    await refreshCatalogEntry(deps, row.id);
    res.json(datasetJson((await getManagedDataset(deps.pool, row.id))!));
  });
  router.delete(`${MANAGEMENT_PREFIX}/datasets/:id`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    try {
      await deleteDataset(deps, row.id);
    } catch (err) {
      if (err instanceof PublishRefused) throw new AppError('conflict', err.message);
      throw err;
    }
    await rm(join(uploadDir, row.id), { recursive: true, force: true });
    res.status(204).end();
  });
  router.get(`${MANAGEMENT_PREFIX}/datasets/:id/jobs`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const { limit, offset } = pageParams(req);
    const { total, jobs } = await listJobs(deps.pool, { datasetId: row.id }, limit, offset);
    res.json({ total, limit, offset, jobs: jobs.map(jobJson) });
  });
  return router;
}
