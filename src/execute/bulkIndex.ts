import type { Client, estypes } from '@elastic/elasticsearch';
import { BulkDocument, bulkBody } from './bulkBody';

export interface BulkReport {
  indexed: number;
  /** Documents Elasticsearch refused for good (after retrying the ones it was too busy for). */
  rejected: number;
  firstRejection?: string;
}

const MAX_ATTEMPTS = 5;

/**
 * What a bulk answer keeps of each item: its status and, for a refused one, its error. Unfiltered,
 * each item also names its index, id, version, result, shards and sequence numbers: about 240
 * bytes an item, 3.6 MB for a lieux-de-tournage publish, which Elasticsearch wrote and the client
 * parsed for nothing.
 */
const ITEM_OUTCOME = ['errors', 'items.*.status', 'items.*.error'];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Indexes one batch of documents by id, each an object, its JSON text or its text in parts (sent
 * as they are, in a body written by bulkBody). Items refused with 429 (queue full) are sent again
 * with a growing pause; other refusals are counted. The caller awaits each batch, which is the
 * backpressure: no more than one batch is in flight per writer.
 */
export async function bulkIndex(es: Client, index: string, docs: ReadonlyArray<BulkDocument>): Promise<BulkReport> {
  let pending = docs;
  const report: BulkReport = { indexed: 0, rejected: 0 };
  for (let attempt = 1; pending.length > 0; attempt++) {
    // The client sends a body given as bytes as it is (its type says lines only).
    const operations = bulkBody(pending) as unknown as estypes.BulkRequest['operations'];
    const res = await es.bulk({ index, operations, refresh: false, filter_path: ITEM_OUTCOME }, { requestTimeout: 120000 });
    const retry: BulkDocument[] = [];
    res.items.forEach((item, i) => {
      const r = item.index;
      if (!r?.error) { report.indexed++; return; }
      if (r.status === 429 && attempt < MAX_ATTEMPTS) { retry.push(pending[i]); return; }
      report.rejected++;
      report.firstRejection ??= `${r.error.type}: ${r.error.reason ?? ''}`;
    });
    pending = retry;
    if (pending.length > 0) await sleep(200 * 2 ** attempt);
  }
  return report;
}
