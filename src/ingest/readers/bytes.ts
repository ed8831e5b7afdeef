import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Reads a file's first bytes, then gives a stream of the whole file again (for sniffing). */
export async function peekFile(path: string, size = 65536): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: size - 1 })) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, total);
}

const isGzip = (b: Buffer): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

/** A byte stream of the file, decompressed when it is gzip (by content, not by name). */
export async function openBytes(path: string): Promise<Readable> {
  const head = await peekFile(path, 2);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  return isGzip(head) ? raw.pipe(createGunzip()) : raw;
}

/** The first bytes after decompression. */
export async function peekBytes(path: string, size = 65536): Promise<Buffer> {
  const stream = await openBytes(path);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total >= size) break;
  }
  stream.destroy();
  return Buffer.concat(chunks, total).subarray(0, size);
}
