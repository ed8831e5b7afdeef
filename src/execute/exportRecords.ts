import type { ScanRequest } from '../model/scanRequest';
import type { RecordHit } from '../model/searchResult';
import type { Deps } from './deps';

/** How long Elasticsearch keeps an export's snapshot between two pages. */
export const EXPORT_KEEP_ALIVE = '2m';

/**
 * Every record a scan selects, page by page, from one point-in-time snapshot with
 * `search_after`: a re-publish during the export changes nothing it reads. The point-in-time
 * is closed when the pages run out, when the consumer stops early (a client that went away)
 * and when Elasticsearch fails.
 */
export async function* exportRecords(deps: Deps, scan: ScanRequest, pageSize: number): AsyncGenerator<RecordHit[]> {
  let pit = (await deps.es.openPointInTime({ index: scan.index, keep_alive: EXPORT_KEEP_ALIVE })).id;
  try {
    const { query, sort, _source } = scan;
    let after: unknown[] | undefined;
    let left = scan.limit ?? Number.POSITIVE_INFINITY;
    while (left > 0) {
      const size = Math.min(pageSize, left);
      const res = await deps.es.search<RecordHit>({
        pit: { id: pit, keep_alive: EXPORT_KEEP_ALIVE }, query, sort, size, track_total_hits: false, _source,
        ...(after ? { search_after: after as never } : {}),
      });
      pit = res.pit_id ?? pit;
      const hits = res.hits.hits;
      // A record holding none of the fields asked for comes back without `fields`.
      if (hits.length > 0) yield hits.map((h) => ({ ...h._source!, fields: h._source?.fields ?? {} }));
      if (hits.length < size) return;
      left -= hits.length;
      after = hits[hits.length - 1].sort;
    }
  } finally {
    await deps.es.closePointInTime({ id: pit }).catch(() => undefined);
  }
}
