import type { Response } from 'express';
import type { RecordHit } from '../../model/searchResult';
import type { ExportWriter } from '../../render/formats/streamWriter';

/**
 * Writes an export with backpressure: a page is written only once the client has taken the
 * previous one, and the pages read ahead meanwhile are bounded (src/execute/exportRecords.ts: one
 * page ahead, or one per slice). A client that goes away stops the reading (so the snapshot is closed);
 * a failure after the first byte destroys the connection, so that nobody mistakes a truncated
 * export for a complete one.
 */
export async function streamExport<T = RecordHit>(res: Response, writer: ExportWriter<T>, pages: AsyncGenerator<T[]>): Promise<void> {
  let gone = false;
  res.on('close', () => { gone = !res.writableFinished; });
  /** Until the client has taken what was written, or has gone; both listeners are removed either way. */
  const drained = (): Promise<void> => new Promise((resolve) => {
    const done = (): void => { res.off('drain', done); res.off('close', done); resolve(); };
    res.on('drain', done);
    res.on('close', done);
  });
  const write = async (chunk: string): Promise<void> => {
    if (chunk !== '' && !res.write(chunk)) await drained();
  };
  res.status(200).type(writer.contentType).set(writer.headers);
  try {
    await write(writer.head);
    let first = true;
    for await (const page of pages) {
      if (gone) break;
      await write(writer.page(page, first));
      first = false;
    }
    if (gone) await pages.return(undefined);
    else res.end(writer.tail);
  } catch (err) {
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    throw err;
  }
}
