import type { SearchHit, SearchRequest } from '@elastic/elasticsearch/lib/api/types';
import type { ScanRequest } from '../model/scanRequest';
import type { RecordHit } from '../model/searchResult';
import type { Deps } from './deps';
import { orderedPages, quiet, type Page, type PageReader } from './orderedPages';
import { publishedFields } from '../index/storedShapes';

/** How long Elasticsearch keeps an export's snapshot between two pages. */
export const EXPORT_KEEP_ALIVE = '2m';

/** Slices of a scan in any order read side by side (each with one page in flight at most). */
export const EXPORT_SLICES = 2;

/**
 * Pages of a scan in any order: `slices` slices of the snapshot read side by side, each page
 * handed over as it comes, each slice asking for its next page as soon as it has one.
 */
async function* slicedPages<T>(read: PageReader<T>, pageSize: number, slices: number): AsyncGenerator<T[]> {
  const inFlight = new Map<number, Promise<{ id: number; page: Page<T> }>>();
  const ask = (id: number, after: unknown[] | undefined): void => {
    inFlight.set(id, quiet(read(pageSize, after, { id: String(id), max: slices }).then((page) => ({ id, page }))));
  };
  for (let id = 0; id < slices; id++) ask(id, undefined);
  while (inFlight.size > 0) {
    const { id, page } = await Promise.race(inFlight.values());
    inFlight.delete(id);
    if (page.after) ask(id, page.after);
    if (page.records.length > 0) yield page.records;
  }
}

/** What an export makes of each hit it reads. */
export type HitReader<T> = (hit: SearchHit<RecordHit>) => T;

/** A page a scan read: its items in order, the sort values of its last hit (none without hits), and the snapshot's id when Elasticsearch sent one. */
export interface ScanPage<T> { items: T[]; lastSort?: unknown[]; pitId?: string }

/** How a scan reads one page: the search's body → the page. */
export type ScanPageReader<T> = (body: SearchRequest) => Promise<ScanPage<T>>;

/**
 * Every record a scan selects, page by page, from one point-in-time snapshot with
 * `search_after`: a re-publish during the export changes nothing it reads. A scan in a given
 * order is read one page ahead of its consumer; a scan in any order is read in index order
 * (`_shard_doc`), in slices side by side. The point-in-time is closed when the pages run out,
 * when the consumer stops early (a client that went away) and when Elasticsearch fails. Each
 * page is read by `readPage`.
 */
export async function* scanPages<T>(deps: Deps, scan: ScanRequest, pageSize: number, readPage: ScanPageReader<T>): AsyncGenerator<T[]> {
  let pit = (await deps.es.openPointInTime({ index: scan.index, keep_alive: EXPORT_KEEP_ALIVE })).id;
  const { query, _source, docValueFields } = scan;
  const sort = scan.sort ?? [{ _shard_doc: 'asc' }];
  const read: PageReader<T> = async (size, after, slice) => {
    const body: SearchRequest = {
      pit: { id: pit, keep_alive: EXPORT_KEEP_ALIVE }, ...(slice ? { slice } : {}), query, sort, size, track_total_hits: false, _source,
      ...(docValueFields ? { docvalue_fields: docValueFields, stored_fields: ['_none_'] } : {}), ...(after ? { search_after: after as never } : {}),
    };
    const page = await (deps.bulk ? deps.bulk.run(() => readPage(body)) : readPage(body));
    pit = page.pitId ?? pit;
    return { records: page.items, ...(page.items.length === size && size > 0 ? { after: page.lastSort } : {}) };
  };
  const pages = scan.sort ? orderedPages(read, pageSize, scan.limit ?? Number.POSITIVE_INFINITY) : slicedPages(read, pageSize, EXPORT_SLICES);
  try {
    yield* pages;
  } finally {
    await deps.es.closePointInTime({ id: pit }).catch(() => undefined);
  }
}

/** scanPages, each page searched and parsed the usual way, each hit made into what `item` makes of it. */
export function scanRecords<T>(deps: Deps, scan: ScanRequest, pageSize: number, item: HitReader<T>): AsyncGenerator<T[]> {
  return scanPages(deps, scan, pageSize, async (body) => {
    const res = await deps.es.search<RecordHit>(body);
    const hits = res.hits.hits;
    return { items: hits.map(item), ...(hits.length > 0 ? { lastSort: hits[hits.length - 1].sort } : {}), ...(res.pit_id ? { pitId: res.pit_id } : {}) };
  });
}

/**
 * The records a scan selects (scanRecords), as published. With `shapesAsText`, each geo_shape is
 * handed over as its stored JSON text (ShapeText) for a writer of text to splice, else parsed.
 */
export function exportRecords(deps: Deps, scan: ScanRequest, pageSize: number, shapesAsText = false): AsyncGenerator<RecordHit[]> {
  const fieldsOf = shapesAsText ? (fields: RecordHit['fields']) => fields : publishedFields;
  // A record holding none of the fields asked for comes back without `fields`.
  return scanRecords(deps, scan, pageSize, (h) => ({ ...h._source!, fields: fieldsOf(h._source?.fields ?? {}) }));
}
