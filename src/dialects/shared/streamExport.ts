import type { Writable } from 'node:stream';
import type { Response } from 'express';
import type { RecordHit } from '../../model/searchResult';
import type { ExportWriter } from '../../render/formats/streamWriter';
import type { BodyPart } from '../../render/rendered';
import { type Coding, compressor, mayCompress, negotiatedCoding } from './answerCoding';

/**
 * About how many characters are rendered and written at a time. A page's text is built from many
 * strings that the socket must copy into one before it sends them, and a single character outside
 * Latin-1 makes that copy two bytes a character. In pieces of this size, the copies of three
 * communes-france exports took 0.8 s of a profile instead of 9.3 s (pages of 1,000 polygons, 2 MB
 * each), and no page-sized text is held; small records still go out many to a write.
 */
export const WRITE_CHARS = 64 * 1024;

/** The items of the next piece, from the size of the last one: `items` wrote `chars` characters. */
export const nextPieceItems = (items: number, chars: number): number =>
  Math.max(1, Math.min(10_000, Math.round((items * WRITE_CHARS) / Math.max(chars, 1))));

/**
 * What an export starts from besides its pages: what was already written of the first page
 * (`opening`), and what lets go of the snapshot the pages are read from (`release`), for a HEAD.
 * A generator that wraps the pages and was never started cannot pass its `return` on to them.
 */
export interface StreamStart<P> { opening?: P; release?: () => Promise<void> }

/**
 * Writes an export with backpressure: each piece of a page (about WRITE_CHARS characters, or bytes) is
 * written only once the client has taken what came before it, and the pages read ahead meanwhile
 * are bounded (src/execute/exportRecords.ts: one page ahead, or one per slice). A client that goes away stops the reading (so the snapshot is closed);
 * a failure after the first byte destroys the connection, so that nobody mistakes a truncated
 * export for a complete one. `opening`, when there is one, is what was already written of the
 * first page (sendInPieces's first piece): it follows the head, and the pages come after it.
 * A text type varies by `Accept-Encoding`, and goes through a compressing stream to a client that
 * accepts Brotli or gzip (answerCoding.ts): the client's pace still holds back the writing, since
 * the stream takes no more once what it made is not taken. A HEAD gets the headers alone: the
 * pages are let go unread, and `release` lets go of their snapshot when the caller holds one.
 */
export async function streamExport<T = RecordHit, P extends BodyPart = string>(res: Response, writer: ExportWriter<T, P>, pages: AsyncGenerator<T[]>, { opening, release }: StreamStart<P> = {}): Promise<void> {
  let gone = false;
  res.status(200).type(writer.contentType).set(writer.headers);
  const coding = answerCoding(res, writer.contentType);
  if (res.req.method === 'HEAD') {
    // GET's headers, and no record read: Node drops a HEAD's body, so writing it would scan the
    // whole export at Elasticsearch's pace, with no client to hold it back.
    try {
      await pages.return(undefined);
    } finally {
      await release?.();
    }
    res.end();
    return;
  }
  const out = coding === undefined ? res : compressedInto(res, coding);
  res.on('close', () => {
    gone = !res.writableFinished;
    if (gone && out !== res) out.destroy();
  });
  /** Until the client has taken what was written, or has gone; both listeners are removed either way. */
  const drained = (): Promise<void> => new Promise((resolve) => {
    const done = (): void => { out.off('drain', done); res.off('close', done); resolve(); };
    out.on('drain', done);
    res.on('close', done);
  });
  const write = async (chunk: BodyPart): Promise<void> => {
    if (chunk.length !== 0 && !gone && !out.write(chunk)) await drained();
  };
  try {
    await write(writer.head);
    if (opening !== undefined) await write(opening);
    let first = opening === undefined;
    let items = 50;
    for await (const page of pages) {
      for (let i = 0; i < page.length && !gone;) {
        const piece = i === 0 && page.length <= items ? page : page.slice(i, i + items);
        const text = writer.page(piece, first);
        first = false;
        i += piece.length;
        items = nextPieceItems(piece.length, text.length);
        await write(text);
      }
      if (gone) break;
    }
    if (gone) await pages.return(undefined);
    else out.end(writer.tail);
  } catch (err) {
    if (out !== res) out.destroy();
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}

/** The coding an answer of this type goes in, said in `Content-Encoding` (and `Vary`) when there is one. */
function answerCoding(res: Response, contentType: string): Coding | undefined {
  const coding = negotiatedCoding(res, mayCompress(res, contentType));
  if (coding !== undefined) res.set('Content-Encoding', coding);
  return coding;
}

/** A compressing stream piped into the response: where the answer's bytes are written. */
function compressedInto(res: Response, coding: Coding): Writable {
  const stream = compressor(coding);
  // A compressing stream that fails (or is written once destroyed) cuts the answer, as every failure after the first byte does.
  stream.on('error', (err) => res.destroy(err));
  stream.pipe(res);
  return stream;
}
