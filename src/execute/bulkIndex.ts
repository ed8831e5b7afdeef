import type { Client } from '@elastic/elasticsearch';

export interface BulkReport {
  indexed: number;
  /** Documents Elasticsearch refused for good (after retrying the ones it was too busy for). */
  rejected: number;
  firstRejection?: string;
}

const MAX_ATTEMPTS = 5;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Indexes one batch of documents by id, each an object or its JSON text (sent as it is). Items
 * refused with 429 (queue full) are sent again with a growing pause; other refusals are counted.
 * The caller awaits each batch, which is the backpressure: no more than one batch is in flight
 * per writer.
 */
export async function bulkIndex(es: Client, index: string, docs: ReadonlyArray<{ id: string; doc: object | string }>): Promise<BulkReport> {
  let pending = docs;
  const report: BulkReport = { indexed: 0, rejected: 0 };
  for (let attempt = 1; pending.length > 0; attempt++) {
    const operations = pending.flatMap(({ id, doc }) => [{ index: { _index: index, _id: id } }, doc]);
    const res = await es.bulk({ operations, refresh: false }, { requestTimeout: 120000 });
    const retry: Array<{ id: string; doc: object | string }> = [];
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
