import type { Request } from 'express';
import type { RecordHit } from '../../model/searchResult';
import type { RecordsFeedContext } from '../../render/recordsFeed';

/** What a records feed is written with: where it is read and points to, and its `updated` instant. */
export interface RecordsFeed extends RecordsFeedContext { updated: string }

/**
 * The feed of a records search (`format=rss|atom`): named by the request's URL without its key,
 * items linking to the record lookup beside the search (`/api/datasets/1.0/<id>/records/<rid>`,
 * `/<domain>/api2/datasets/<id>/records/<rid>`), and `updated` the newest `record_timestamp` of the
 * page's first records (a publish stamps its records alike), or the request's time when it has none.
 */
export function recordsFeedContext(req: Request, datasetId: string, first: readonly RecordHit[], now: number): RecordsFeed {
  const site = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const self = new URL(req.originalUrl, site);
  self.searchParams.delete('apikey');
  const base = req.path.replace(/records\/1\.0\/search\/?$/, 'datasets/1.0/').replace(/records\/search\/?$/, 'datasets/').replace(/^\/d4c(\/[^/]+\/api2\/)/, '$1');
  const newest = first.reduce((max, r) => (r.record_timestamp > max ? r.record_timestamp : max), '');
  return {
    self: self.toString(), site, recordPath: `${base}${encodeURIComponent(datasetId)}/records/`, title: `Records of ${datasetId}`,
    updated: new Date(newest === '' ? now : newest).toISOString(),
  };
}
