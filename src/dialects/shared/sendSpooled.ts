import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { RecordHit } from '../../model/searchResult';
import type { SpoolContext, SpooledFormat } from '../../render/formats/spooledFormat';

/** What a spooled export reports as it goes: records written, and the bytes sent. */
export interface SpoolCounters { rows(n: number): void; bytes(n: number): void }

/**
 * Sends an export in a spooled (binary GIS) format: every page is written to files in a fresh
 * temporary folder while nothing is sent, so that any failure is still a JSON error with its
 * own status; only the whole file is then sent, with its length when known. A client that goes
 * away stops the reading (and the snapshot); the folder is removed in every case, once sent.
 * A HEAD reads no record: making the file only to say its length would cost the whole export.
 */
export async function sendSpooled(res: Response, format: SpooledFormat, ctx: Omit<SpoolContext, 'dir'>, pages: AsyncGenerator<RecordHit[]>, counters?: SpoolCounters): Promise<void> {
  if (res.req.method === 'HEAD') {
    // The headers known before the file is made, and no record read (its length is known only once it is made).
    await pages.return(undefined);
    res.status(200).type(format.contentType).set('Content-Disposition', dispositionOf(ctx, format)).end();
    return;
  }
  let gone = false;
  const onClose = (): void => { gone = !res.writableFinished; };
  res.on('close', onClose);
  const dir = await mkdtemp(join(tmpdir(), 'portal-search-export-'));
  try {
    const writer = await format.open({ ...ctx, dir });
    try {
      for await (const page of pages) {
        if (gone) break;
        await writer.page(page);
        counters?.rows(page.length);
      }
      if (gone) { await pages.return(undefined); return; }
      const body = await writer.finish();
      if (gone) return;
      res.status(200).type(format.contentType).set({
        'Content-Disposition': dispositionOf(ctx, format),
        ...(body.length === undefined ? {} : { 'Content-Length': String(body.length) }),
      });
      const stream = body.open();
      stream.on('data', (chunk: Buffer) => counters?.bytes(chunk.length));
      await pipeline(stream, res);
    } finally {
      await writer.close();
    }
  } catch (err) {
    // A client gone mid-send is no failure of ours: its connection is already closed.
    if (gone && res.headersSent) return;
    if (res.headersSent) res.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  } finally {
    res.off('close', onClose);
    await rm(dir, { recursive: true, force: true });
  }
}

/** The file's name as the client saves it. */
const dispositionOf = (ctx: Pick<SpoolContext, 'filename'>, format: SpooledFormat): string => `attachment; filename="${ctx.filename}.${format.extension}"`;
