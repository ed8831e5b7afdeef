import { Request, Response, Router } from 'express';
import { rm } from 'node:fs/promises';
import { z } from 'zod';
import type { Descriptor } from '../../model/descriptor';
import { probeSource } from '../../usecases/probeSource';
import { AppError } from '../../errors/catalogue';
import { getDataset, isMetadataOnlyEntry } from '../../execute/datasetStore';
import type { Deps } from '../../execute/deps';
import type { JobBus } from '../../execute/jobBus';
import { lastRequestOf } from '../../execute/jobStore';
import type { DatasetRow } from '../../model/dataset';
import { DATASET_ID } from '../../model/descriptor';
import { managedDataset } from './datasetRoutes';
import { datasetManager, domainFieldCheck, keyHolderOf } from './managementKey';
import { MANAGEMENT_PREFIX } from './managementPaths';
import { completeDescriptor, readPublishForm } from './publishForm';
import { discard, FieldCheck, receiveUpload, UploadedForm, UploadLimits } from './receiveUpload';
import { keepUpload } from './sourceFile';
import { startJob } from './startJob';
import { readRules, requireValid } from './ruleRoutes';

/**
 * The descriptor a dataset was last published with (its last job's source and fields, or rebuilt
 * from its row after a CLI publish), with what it shows now: changes made since (PATCH) are kept.
 */
async function storedDescriptor(deps: Deps, row: DatasetRow): Promise<Record<string, unknown>> {
  const last = await lastRequestOf(deps.pool, row.id);
  if (last) return { ...last.descriptor, metadata: row.metadata, visibility: row.visibility, state: row.state };
  return {
    id: row.id, domain: row.domain, visibility: row.visibility, state: row.state, metadata: row.metadata,
    fields: row.fields.map((f) => JSON.parse(JSON.stringify(f)) as unknown),
  };
}

/** A 422 for a file its publish could not read (told before the job starts: a corrupt zip, no header…). */
async function refuseUnreadable(descriptor: Descriptor, filename: string): Promise<void> {
  const problem = await probeSource(descriptor.source!);
  if (problem !== undefined) throw new AppError('unprocessable', `${filename}: ${problem}`, { parameter: 'file' });
}

/** Reads an upload form if the request is one; a publish without a file reads the stored source again. */
async function formOf(req: Request, res: Response, limits: UploadLimits, fileRequired: boolean, check?: FieldCheck): Promise<UploadedForm> {
  if (!req.is('multipart/form-data') && !fileRequired) return { fields: {} };
  const form = await receiveUpload(req, res, limits, check);
  if (fileRequired && !form.file) throw new AppError('unprocessable', 'The form has no file: send it in a part named "file".', { parameter: 'file' });
  return form;
}

/**
 * Publishing routes: `POST datasets` creates a dataset from an upload, `POST datasets/{id}/publish`
 * publishes a new version (from a new upload, or from the stored source again). Both answer 202
 * with the job that runs the publish.
 */
export function publishRoutes(deps: Deps, bus: JobBus, limits: UploadLimits): Router {
  const router = Router();
  router.post(`${MANAGEMENT_PREFIX}/datasets`, async (req, res) => {
    datasetManager(req, keyHolderOf(req).domain);
    const upload = await formOf(req, res, limits, true, domainFieldCheck(req));
    try {
      const form = readPublishForm(upload.fields, undefined, keyHolderOf(req).domain);
      const id = typeof form.draft.id === 'string' ? form.draft.id : '';
      if (!DATASET_ID.test(id)) throw new AppError('unprocessable', 'The dataset needs an id: lower-case letters, digits, - or _ (at most 100).', { parameter: 'id' });
      datasetManager(req, String(form.draft.domain));
      const existing = await getDataset(deps.pool, id);
      if (existing && !(form.options.takeOver && (await isMetadataOnlyEntry(deps.pool, id)))) {
        throw new AppError('conflict', existing.catalogExtra !== null && existing.publishedAt === null
          ? `${id} is a metadata-only catalog entry: send take_over=true to replace it with this file's records.`
          : `${id} exists already: publish a new version with POST ${MANAGEMENT_PREFIX}/datasets/${id}/publish.`);
      }
      const path = await keepUpload(limits.dir, id, upload.file!, form.sourceOptions.format);
      try {
        const descriptor = completeDescriptor(form, { ...form.sourceOptions, path });
        await refuseUnreadable(descriptor, upload.file!.filename);
        await startJob(deps, bus, res, { descriptor, ...form.options, filename: upload.file!.filename });
      } catch (err) {
        await rm(path, { force: true });
        throw err;
      }
    } catch (err) {
      await discard(upload);
      throw err;
    }
  });
  router.post(`${MANAGEMENT_PREFIX}/datasets/:id/publish`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const upload = await formOf(req, res, limits, false);
    try {
      const stored = await storedDescriptor(deps, row);
      const form = readPublishForm(upload.fields, stored, row.domain);
      if (form.draft.id !== row.id || form.draft.domain !== row.domain) {
        throw new AppError('unprocessable', `This publishes ${row.id} of domain ${row.domain}: the descriptor's id and domain cannot change.`, { parameter: 'descriptor' });
      }
      let source: Record<string, unknown>;
      if (upload.file) source = { ...form.sourceOptions, path: await keepUpload(limits.dir, row.id, upload.file, form.sourceOptions.format) };
      else if (stored.source !== undefined) source = { ...(stored.source as Record<string, unknown>), ...form.sourceOptions };
      else throw new AppError('unprocessable', `${row.id} has no stored source (it was published from the command line): upload a file.`, { parameter: 'file' });
      try {
        const descriptor = completeDescriptor(form, source);
        const filename = upload.file?.filename ?? (await lastRequestOf(deps.pool, row.id))?.filename;
        if (upload.file) await refuseUnreadable(descriptor, upload.file.filename);
        await startJob(deps, bus, res, { descriptor, ...form.options, filename });
      } catch (err) {
        if (upload.file) await rm(String(source.path), { force: true });
        throw err;
      }
    } catch (err) {
      await discard(upload);
      throw err;
    }
  });
  router.post(`${MANAGEMENT_PREFIX}/jobs`, async (req, res) => {
    // Who asks comes before what is asked: no key is a 401, a read key a 403, whatever the body.
    datasetManager(req, keyHolderOf(req).domain);
    const body = jobBody.safeParse(req.body ?? {});
    if (!body.success) throw new AppError('unprocessable', 'The job cannot be read.', { problems: body.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`) });
    const row = await managedDataset(deps, req, body.data.dataset);
    const rules = body.data.rules === undefined ? undefined : readRules({ rules: body.data.rules });
    if (rules) requireValid(rules, row);
    const stored = await storedDescriptor(deps, row);
    if (stored.source === undefined) throw new AppError('unprocessable', `${row.id} has no stored source (it was published from the command line): upload a file.`, { parameter: 'dataset' });
    const descriptor = completeDescriptor(readPublishForm({}, stored, row.domain), stored.source as Record<string, unknown>);
    const filename = (await lastRequestOf(deps.pool, row.id))?.filename;
    await startJob(deps, bus, res, { descriptor, filename, ...(rules ? { rules } : {}) });
  });
  return router;
}

/** `POST jobs`: publish a dataset again from its stored source, with these rules (its stored ones when absent). */
const jobBody = z.strictObject({ dataset: z.string().min(1).max(100), rules: z.array(z.unknown()).optional() });
