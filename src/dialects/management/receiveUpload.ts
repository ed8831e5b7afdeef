import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request, Response } from 'express';
import { AppError } from '../../errors/catalogue';
import { withoutControls } from '../../text/controls';

/** Where uploads go and how large one may be. */
export interface UploadLimits { dir: string; maxBytes: number }

/**
 * Looks at each text field as it arrives; an error it returns ends the upload at once, before the
 * rest of the body (the file, when it comes later) is read.
 */
export type FieldCheck = (name: string, value: string) => AppError | undefined;

/** A multipart form as received: its text fields, and its `file` part written to disk. */
export interface UploadedForm {
  fields: Record<string, string>;
  file?: { path: string; filename: string; bytes: number };
}

const MIB = 1024 * 1024;
/** The most of a refused upload's body that is still read, and dropped, after the answer. */
const DROPPED_MAX_BYTES = 16 * MIB;

/** A safe name to keep an upload under: its letters, digits, dots, dashes and underscores. */
export const safeName = (name: string): string => name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '').slice(-120) || 'upload';
const sizeText = (bytes: number): string => (bytes >= MIB ? `${Math.round((bytes / MIB) * 10) / 10} MiB` : `${bytes} bytes`);

/**
 * Reads a `multipart/form-data` body: text fields in memory (small), the `file` part streamed to a
 * new file under `limits.dir`, never held in memory whole. Above `limits.maxBytes` the partial
 * file is removed and the call is a 413 (before any byte is read when Content-Length says so).
 * `check` may refuse the upload from a field that comes before the file, in the same way. What
 * follows a refusal is not written anywhere (dropRest).
 */
export async function receiveUpload(req: Request, res: Response, limits: UploadLimits, check?: FieldCheck): Promise<UploadedForm> {
  if (!req.is('multipart/form-data')) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in a part named "file".');
  const tooLarge = new AppError('payload_too_large', `The upload is larger than the ${sizeText(limits.maxBytes)} this server accepts (UPLOAD_MAX_BYTES).`);
  if (Number(req.headers['content-length'] ?? 0) > limits.maxBytes + MIB) { res.set('Connection', 'close'); throw tooLarge; }
  await mkdir(limits.dir, { recursive: true });
  const form: UploadedForm = { fields: {} };
  const written: Array<Promise<void>> = [];
  let writer: WriteStream | undefined;
  let stopped = false;
  let refusal: AppError | undefined;
  let bb: busboy.Busboy;
  try {
    bb = busboy({ headers: req.headers, limits: { fileSize: limits.maxBytes, files: 1, fields: 100, fieldSize: MIB, parts: 101 } });
  } catch (err) {
    throw new AppError('bad_body', `Unreadable multipart body: ${(err as Error).message}`);
  }
  const done = new Promise<void>((resolve, reject) => {
    // Refused at once: the answer goes before the rest of the body arrives, which is dropped.
    const stop = (err: AppError): void => {
      if (stopped) return;
      stopped = true;
      req.unpipe(bb);
      dropRest(req, res);
      reject(err);
    };
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) { refusal ??= new AppError('payload_too_large', `The form field ${name} is larger than 1 MiB.`, { parameter: name }); return; }
      // A field after the file is checked once the whole form is read, by the caller.
      const checked = form.file === undefined ? check?.(name, value) : undefined;
      if (checked !== undefined) stop(checked);
      else form.fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      // The chunk that ended a refused field may already hold the file's start: it is not written.
      if (stopped) { stream.resume(); return; }
      if (name !== 'file' || form.file !== undefined) {
        refusal ??= new AppError('bad_body', `Only one file, in a part named "file", is read (got a file part named "${name}").`, { parameter: name });
        stream.resume();
        return;
      }
      // The name keeps the file's own, whose ending tells its format, without control characters (kept with the job, a NUL would fail its row).
      const filename = withoutControls(info.filename ?? '') || 'upload';
      const path = join(limits.dir, `incoming-${randomUUID()}-${safeName(filename)}`);
      const file = { path, filename, bytes: 0 };
      form.file = file;
      stream.on('data', (chunk: Buffer) => { file.bytes += chunk.length; });
      stream.on('limit', () => stop(tooLarge));
      writer = createWriteStream(path);
      const piping = pipeline(stream, writer);
      // A refused upload closes the writer without waiting for this: its failure is then expected.
      piping.catch(() => undefined);
      written.push(piping);
    });
    bb.on('filesLimit', () => { refusal ??= new AppError('bad_body', 'Only one file is read per upload.'); });
    bb.on('error', (err: Error) => reject(new AppError('bad_body', `Unreadable multipart body: ${err.message}`)));
    bb.on('close', resolve);
  });
  req.pipe(bb);
  try {
    await done;
    await Promise.all(written);
  } catch (err) {
    await closed(writer);
    await discard(form);
    throw err instanceof AppError ? err : new AppError('bad_body', `The upload was cut off: ${(err as Error).message}`);
  }
  if (refusal !== undefined) {
    await discard(form);
    throw refusal;
  }
  return form;
}

/**
 * After a refusal given before the body was read: the rest of the body is read and dropped, up to
 * DROPPED_MAX_BYTES, and the connection then serves the next request. A connection closed while
 * the client still sends is reset, and the client (curl, supertest) may then see the reset instead
 * of the answer. A body that announces more than that, or sends more, has its connection closed.
 */
function dropRest(req: Request, res: Response): void {
  if (Number(req.headers['content-length'] ?? 0) > DROPPED_MAX_BYTES) { res.set('Connection', 'close'); return; }
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DROPPED_MAX_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** Waits until a file being written is closed, so that removing it cannot come before its creation. */
async function closed(writer: WriteStream | undefined): Promise<void> {
  if (writer === undefined || writer.closed) return;
  const closing = once(writer, 'close').then(() => undefined, () => undefined);
  writer.destroy();
  await closing;
}

/** Removes the file of a form that will not be used. */
export async function discard(form: UploadedForm): Promise<void> {
  if (form.file) await rm(form.file.path, { force: true });
}
