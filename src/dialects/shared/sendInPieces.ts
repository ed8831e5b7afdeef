import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Response } from 'express';
import { AppError } from '../../errors/catalogue';
import type { LaterPieces } from '../../execute/searchInPieces';
import type { ExportWriter } from '../../render/formats/streamWriter';
import type { BodyPart } from '../../render/rendered';
import { streamExport } from './streamExport';

/** How large pages are read and sent: records per Elasticsearch read, and the most bytes one page may come to. */
export interface PageLimits { pieceRows: number; maxBytes: number }

/** What a page read in pieces may send: the most bytes it may come to, the API to point to beyond that, and the parameter of its size (`rows`). */
export interface PageBudget { maxBytes: number; downloadPath: string; parameter?: string }

/** The download API beside the endpoint of `path` (`…/records/1.0/search` → `…/records/1.0/download`). */
export const downloadBeside = (path: string): string => path.replace(/[^/]+\/?$/, 'download');

/**
 * Sends a page read in pieces: its first piece is written once it is known that the whole page
 * fits the byte budget (estimated from the first piece's size per item over the `items` the page
 * holds), then each later piece as the client takes the previous one. A page over the budget is
 * a 400 before any byte, pointing to the download API, and its snapshot is released.
 */
export async function sendInPieces<T, P extends BodyPart = string>(res: Response, writer: ExportWriter<T, P>, first: readonly T[], more: LaterPieces<T>, items: number, budget: PageBudget): Promise<void> {
  let opening: P;
  try {
    opening = writer.page(first, true);
  } catch (err) {
    // Nothing was sent: the snapshot is let go at once rather than when it expires.
    await more.release();
    throw err;
  }
  const headBytes = Buffer.byteLength(writer.head) + (typeof opening === 'string' ? Buffer.byteLength(opening) : opening.byteLength);
  const estimate = headBytes + (headBytes / Math.max(first.length, 1)) * Math.max(items - first.length, 0);
  if (estimate > budget.maxBytes) {
    await more.release();
    const mb = (n: number): string => `${Math.ceil(n / 1048576)} MB`;
    throw new AppError('bad_parameter', `This page would be about ${mb(estimate)}, more than the ${mb(budget.maxBytes)} a page may hold: ask for fewer records, or read them with ${budget.downloadPath}.`, { parameter: budget.parameter ?? 'rows' });
  }
  // The tail is read from the writer itself once the pages are written (it may say what they held).
  const rest: ExportWriter<T, P> = { contentType: writer.contentType, headers: writer.headers, head: writer.head, page: (page) => writer.page(page, false), get tail() { return writer.tail; } };
  await streamExport(res, rest, more.pieces, { opening, release: more.release });
}

/**
 * Items already in memory handed over `size` at a time, with the event loop let go between two
 * pieces (so that other requests run while a large answer is written).
 */
export async function* inPieces<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await nextTurn();
    yield items.slice(i, i + size);
  }
}
