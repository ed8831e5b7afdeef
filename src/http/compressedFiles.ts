import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type Coding, COMPRESS_FROM_BYTES, COMPRESSION_SETTING, negotiatedCoding } from '../dialects/shared/answerCoding';
import { keptCopies } from './keptCopies';

/** The static files' types that compress: scripts, styles, documents, source maps and GeoJSON. Images and fonts are compressed already. */
const TEXT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** A file larger than this goes as it is: its compressed copy would be kept in memory. */
const LARGEST_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Compresses a body that is compressed once and kept (a static file, the OpenAPI document): a
 * slower, smaller setting than a page's pays here.
 * Swagger UI's 1.73 MB bundle (2026-12-07, 21:58 UTC): Brotli at quality 5 gave 405 KB in 113 ms
 * (quality 1: 514 KB, 19 ms; quality 11: 359 KB, 5.6 s), gzip at level 6 gave 462 KB in 47 ms.
 */
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
export const compressOnce = (bytes: Buffer, coding: Coding): Promise<Buffer> => (coding === 'br'
  ? brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
  : gzipped(bytes, { level: 6 }));

/** The path under `root` that a request names, or undefined when it is malformed, hidden, or leads out of `root`. */
function fileUnder(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // A trailing slash names a folder: express.static answers 404 for a file named so, and so must this.
  if (decoded.includes('\0') || decoded.endsWith('/') || decoded.split('/').some((part) => part.startsWith('.'))) return undefined;
  const file = resolve(root, `.${decoded}`);
  return file.startsWith(root + sep) ? file : undefined;
}

/**
 * Serves the compressed copy of a static file under `root` (the explorer's bundle, Swagger UI) to
 * a client that accepts Brotli or gzip, when the app compresses its answers (RESPONSE_COMPRESSION):
 * the copy is made on the first such request and kept until the file changes. Every other request
 * (another method, a range, an image, a file missing or under COMPRESS_FROM_BYTES) passes on
 * to `express.static`, which serves the bytes as they are. A text file's answer varies by
 * `Accept-Encoding` either way. The coded answer's ETag is the file's, marked with the coding, and
 * it has no Last-Modified: a date would validate the file's other representations too (a 304 or a
 * range of the bytes as they are, for a client holding the coded ones).
 */
export function compressedFiles(root: string): RequestHandler {
  const base = resolve(root);
  const copies = keptCopies();
  const copyOf = (file: string, stamp: string, coding: Coding): Promise<Buffer> =>
    copies(`${coding}:${file}`, stamp, () => readFile(file).then((content) => compressOnce(content, coding)));
  return (req: Request, res: Response, next: NextFunction): void => {
    const type = TEXT_TYPES[extname(req.path).toLowerCase()];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || type === undefined || req.app.get(COMPRESSION_SETTING) !== true) {
      next();
      return;
    }
    const accepted = negotiatedCoding(res, true);
    const coding = req.headers.range === undefined ? accepted : undefined;
    const file = coding === undefined ? undefined : fileUnder(base, req.path);
    if (coding === undefined || file === undefined) {
      next();
      return;
    }
    void sendCopy(req, res, next, { file, type, coding, copyOf });
  };
}

interface CopyRequest { file: string; type: string; coding: Coding; copyOf: (file: string, stamp: string, coding: Coding) => Promise<Buffer> }

async function sendCopy(req: Request, res: Response, next: NextFunction, { file, type, coding, copyOf }: CopyRequest): Promise<void> {
  let bytes: Buffer;
  let stamp: string;
  try {
    const info = await stat(file);
    if (!info.isFile() || info.size < COMPRESS_FROM_BYTES || info.size > LARGEST_FILE_BYTES) {
      next();
      return;
    }
    stamp = `${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}`;
    bytes = await copyOf(file, stamp, coding);
  } catch {
    // Missing, unreadable, or removed meanwhile: express.static answers as it does for the bytes.
    next();
    return;
  }
  const etag = `W/"${stamp}-${coding}"`;
  res.set({ 'Cache-Control': 'public, max-age=0', ETag: etag });
  if (holds(req, etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).set({ 'Content-Type': type, 'Content-Encoding': coding, 'Content-Length': String(bytes.length) });
  if (req.method === 'HEAD') res.end();
  else res.end(bytes);
}

/** Whether the request's `If-None-Match` holds this ETag (RFC 9110 §13.1.2: weak comparison, `*` for every one). */
function holds(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (header === undefined) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
