import { recordDocument } from '../index/recordDocument';
import { recordsAlias, recordsIndex, recordsIndexBase } from '../schema/indexNames';
import { withLayout } from '../index/indexLayout';
import { recordMapping } from '../index/recordMapping';
import type { StoredRecord } from '../index/storedRecord';
import { bulkIndex } from '../execute/bulkIndex';
import { getDataset } from '../execute/datasetStore';
import { indexLayoutFor } from '../execute/indexLayoutFor';
import type { Deps } from '../execute/deps';
import { streamRecords } from '../execute/recordStore';
import { sweepRetiredIndices } from '../execute/sweepRetiredIndices';
import { createLoadingIndex, finishLoading, highestIndexVersion, swapAlias } from '../execute/versionedIndex';

export interface ReindexReport {
  datasetId: string;
  index: string;
  version: number;
  indexed: number;
  rejected: number;
}

const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/** Groups records into bulk batches of bounded size (polygons make some records large). */
async function* batches(pages: AsyncGenerator<StoredRecord[]>): AsyncGenerator<StoredRecord[]> {
  let batch: StoredRecord[] = [];
  let bytes = 0;
  for await (const page of pages) {
    for (const r of page) {
      batch.push(r);
      bytes += JSON.stringify(r.fields).length * 2;
      if (bytes >= MAX_BATCH_BYTES) { yield batch; batch = []; bytes = 0; }
    }
    if (batch.length >= 2000) { yield batch; batch = []; bytes = 0; }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Builds a new version of a dataset's index from PostgreSQL alone, then swaps the alias to it:
 * searches keep answering from the previous version until this one is complete. Reading the
 * next page from PostgreSQL overlaps with indexing the current one. If Elasticsearch refuses
 * any document for good, the new version is dropped and the alias is left as it was.
 */
export async function reindexDataset(deps: Deps, datasetId: string): Promise<ReindexReport> {
  const { es, pool, indexPrefix } = deps;
  const dataset = await getDataset(pool, datasetId);
  if (!dataset) throw new Error(`unknown dataset ${datasetId}`);
  const { rows } = await pool.query<{ v: number }>(
    'SELECT COALESCE(MAX(version), 0) + 1 AS v FROM index_versions WHERE dataset_id = $1', [datasetId],
  );
  const version = Math.max(rows[0].v, (await highestIndexVersion(es, recordsIndexBase(indexPrefix, datasetId))) + 1);
  const index = recordsIndex(indexPrefix, datasetId, version);
  await pool.query(
    `INSERT INTO index_versions (dataset_id, version, index_name, state) VALUES ($1, $2, $3, 'building')`,
    [datasetId, version, index],
  );
  const report: ReindexReport = { datasetId, index, version, indexed: 0, rejected: 0 };
  try {
    const layout = await indexLayoutFor(deps, dataset.recordsCount);
    await createLoadingIndex(es, index, withLayout(recordMapping(dataset.fields), layout));
    const source = batches(streamRecords(pool, datasetId));
    let next = source.next();
    for (;;) {
      const current = await next;
      if (current.done) break;
      next = source.next();
      const docs = current.value.map((r) => ({ id: r.recordid, doc: recordDocument(datasetId, dataset.fields, r) }));
      const res = await bulkIndex(es, index, docs);
      report.indexed += res.indexed;
      report.rejected += res.rejected;
      if (res.rejected > 0) throw new Error(`Elasticsearch refused ${res.rejected} documents (${res.firstRejection})`);
    }
    const count = await finishLoading(es, index);
    await swapAlias(es, recordsAlias(indexPrefix, datasetId), index);
    await pool.query(
      `UPDATE index_versions SET state = CASE WHEN version = $2 THEN 'live' ELSE 'retired' END,
         doc_count = CASE WHEN version = $2 THEN $3 ELSE doc_count END, live_at = CASE WHEN version = $2 THEN now() ELSE live_at END
       WHERE dataset_id = $1 AND (version = $2 OR state = 'live')`,
      [datasetId, version, count],
    );
    await sweepRetiredIndices(deps);
    return report;
  } catch (err) {
    await pool.query(`UPDATE index_versions SET state = 'failed' WHERE dataset_id = $1 AND version = $2`, [datasetId, version]);
    await es.indices.delete({ index, ignore_unavailable: true }).catch(() => undefined);
    throw err;
  }
}
