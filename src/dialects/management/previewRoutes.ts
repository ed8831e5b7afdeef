import { basename } from 'node:path';
import { Request, Response, Router } from 'express';
import { AppError } from '../../errors/catalogue';
import type { Deps } from '../../execute/deps';
import { lastRequestOf } from '../../execute/jobStore';
import { DescriptorDraft, idFromPath, titleFromPath } from '../../ingest/proposedDescriptor';
import { previewSource } from '../../usecases/previewSource';
import { managedDataset } from './datasetRoutes';
import { datasetManager, keyHolderOf } from './managementKey';
import { MANAGEMENT_PREFIX } from './managementPaths';
import { completeDescriptor, readPublishForm } from './publishForm';
import { discard, receiveUpload, UploadLimits } from './receiveUpload';

/** Reads a file as it would be published and answers what a publish would make of it; nothing is written. */
async function answerPreview(res: Response, draft: DescriptorDraft, filename: string, maxWarningShare: number | undefined): Promise<void> {
  let preview;
  try {
    preview = await previewSource(draft, { baseDir: '/', maxWarningShare });
  } catch (err) {
    // A fault of ours stays one (a 500, logged); anything else is the file that cannot be read as its format.
    if (err instanceof TypeError || err instanceof RangeError) throw err;
    throw new AppError('unprocessable', `${filename}: ${(err as Error).message}`);
  }
  const { source, ...descriptor } = preview.descriptor;
  res.json({
    descriptor: { ...descriptor, source: { ...source, path: undefined } }, filename,
    records: preview.records, rows_read: preview.rowsRead, rows_warned: preview.rowsWarned, unit: preview.unit, columns: preview.columns,
    warnings: preview.warnings, warning_count: preview.warningCount, would_be_refused: preview.wouldBeRefused,
  });
}

/** The draft of a preview: the form's descriptor parts over `base`, its source the file at `path`. */
function draftOf(fields: Record<string, string>, base: Record<string, unknown> | undefined, keyDomain: string, source: Record<string, unknown>): { draft: DescriptorDraft; maxWarningShare?: number } {
  const form = readPublishForm(fields, base, keyDomain);
  const givenId = form.draft.id !== undefined;
  const givenTitle = base !== undefined || fields.title !== undefined || (typeof fields.descriptor === 'string' && fields.descriptor.includes('"title"'));
  // Checked as a whole descriptor (every problem a 422), with stand-ins for what the preview proposes itself.
  const metadata = { title: 'preview', ...(form.draft.metadata as Record<string, unknown>) };
  if (metadata.title === undefined) metadata.title = 'preview';
  const d = completeDescriptor({ ...form, draft: { ...form.draft, id: form.draft.id ?? 'preview', metadata } }, { ...source, ...form.sourceOptions });
  const draft: DescriptorDraft = {
    ...(givenId ? { id: d.id } : {}), ...(givenTitle ? { metadata: d.metadata } : {}),
    domain: d.domain, visibility: d.visibility, state: d.state, fields: d.fields, maxWarningShare: d.maxWarningShare, source: d.source!,
  };
  return { draft, maxWarningShare: form.options.maxWarningShare };
}

/**
 * Dry runs: `POST preview` reads an uploaded file, `POST datasets/{id}/preview` the dataset's
 * stored source (or a new upload) with its fields. Each answers the proposed descriptor (types,
 * labels, suggested annotations), the first 20 records as the API would render them, every
 * warning with its line and field, and whether publishing it would be refused.
 */
export function previewRoutes(deps: Deps, limits: UploadLimits): Router {
  const router = Router();
  router.post(`${MANAGEMENT_PREFIX}/preview`, async (req: Request, res) => {
    const key = datasetManager(req, keyHolderOf(req).domain);
    const upload = await receiveUpload(req, res, limits);
    try {
      if (!upload.file) throw new AppError('unprocessable', 'The form has no file: send it in a part named "file".', { parameter: 'file' });
      const { draft, maxWarningShare } = draftOf(upload.fields, undefined, key.domain, { path: upload.file.path });
      // Without an id or a title, they are proposed from the file's own name (not the name it is kept under).
      draft.id ??= idFromPath(upload.file.filename);
      draft.metadata ??= { title: titleFromPath(upload.file.filename) };
      await answerPreview(res, draft, upload.file.filename, maxWarningShare);
    } finally {
      await discard(upload);
    }
  });
  router.post(`${MANAGEMENT_PREFIX}/datasets/:id/preview`, async (req, res) => {
    const row = await managedDataset(deps, req, req.params.id);
    const upload = req.is('multipart/form-data') ? await receiveUpload(req, res, limits) : { fields: {} };
    try {
      const last = await lastRequestOf(deps.pool, row.id);
      const base = { id: row.id, domain: row.domain, metadata: row.metadata, fields: row.fields.filter((f) => !('derived' in f.source)) };
      const source = upload.file ? { path: upload.file.path } : last?.descriptor.source;
      if (!source) throw new AppError('unprocessable', `${row.id} has no stored source (it was published from the command line): upload a file.`, { parameter: 'file' });
      const { draft, maxWarningShare } = draftOf(upload.fields, base as Record<string, unknown>, row.domain, source);
      await answerPreview(res, draft, upload.file?.filename ?? last?.filename ?? basename(String(source.path)), maxWarningShare);
    } finally {
      await discard(upload);
    }
  });
  return router;
}
