import type { RecordHit } from '../model/searchResult';

/** One page read: the records, and where the next page starts (none when this one was the last). */
export interface Page<T = RecordHit> { records: T[]; after?: unknown[] }

/** Reads the page after `after` of one scan (or of one slice of it) from the snapshot. */
export type PageReader<T = RecordHit> = (size: number, after: unknown[] | undefined, slice?: { id: string; max: number }) => Promise<Page<T>>;

/** A promise whose failure is left for whoever awaits it, and never reported as unhandled when nobody does. */
export function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/**
 * Pages in the scan's order. The next page is asked for as soon as the previous one has come
 * back, before that one is handed over: Elasticsearch reads it while the caller renders and writes.
 * No more is read ahead than that one page. `after` starts the scan after a page already read.
 */
export async function* orderedPages<T = RecordHit>(read: PageReader<T>, pageSize: number, limit: number, after?: unknown[]): AsyncGenerator<T[]> {
  // `rows=0` asks for no record: nothing to read.
  if (limit <= 0) return;
  let left = limit;
  let next: Promise<Page<T>> | undefined = quiet(read(Math.min(pageSize, left), after));
  while (next) {
    const page: Page<T> = await next;
    left -= page.records.length;
    next = page.after && left > 0 ? quiet(read(Math.min(pageSize, left), page.after)) : undefined;
    if (page.records.length > 0) yield page.records;
  }
}

