import type { StoredRecord } from '../index/storedRecord';
import type { Queryable } from './queryable';

export async function deleteRecords(q: Queryable, datasetId: string): Promise<void> {
  await q.query('DELETE FROM records WHERE dataset_id = $1', [datasetId]);
}

/** Inserts one batch with a single statement (arrays unnested server-side). */
export async function insertRecords(q: Queryable, datasetId: string, records: readonly StoredRecord[]): Promise<void> {
  if (records.length === 0) return;
  await q.query(
    `INSERT INTO records (dataset_id, recordid, fields, geometry, record_timestamp, source_line)
     SELECT $1, r.recordid, r.fields, r.geometry, r.ts, r.line
     FROM unnest($2::text[], $3::jsonb[], $4::jsonb[], $5::timestamptz[], $6::int[]) AS r(recordid, fields, geometry, ts, line)`,
    [
      datasetId,
      records.map((r) => r.recordid),
      records.map((r) => JSON.stringify(r.fields)),
      records.map((r) => (r.geometry ? JSON.stringify(r.geometry) : null)),
      records.map((r) => r.recordTimestamp),
      records.map((r) => r.sourceLine),
    ],
  );
}

interface Row { recordid: string; fields: StoredRecord['fields']; geometry: StoredRecord['geometry']; record_timestamp: Date; source_line: number }

/** One page of a dataset's records in recordid order, after `after` (keyset paging). */
export async function readRecordPage(q: Queryable, datasetId: string, after: string | null, limit: number): Promise<StoredRecord[]> {
  const { rows } = await q.query<Row>(
    `SELECT recordid, fields, geometry, record_timestamp, source_line FROM records
     WHERE dataset_id = $1 AND ($2::text IS NULL OR recordid > $2) ORDER BY recordid LIMIT $3`,
    [datasetId, after, limit],
  );
  return rows.map((r) => ({
    recordid: r.recordid, fields: r.fields, geometry: r.geometry,
    recordTimestamp: r.record_timestamp.toISOString(), sourceLine: r.source_line,
  }));
}

/** Every record of a dataset, page by page: memory stays bounded whatever the size. */
export async function* streamRecords(q: Queryable, datasetId: string, pageSize = 2000): AsyncGenerator<StoredRecord[]> {
  let after: string | null = null;
  for (;;) {
    const page = await readRecordPage(q, datasetId, after, pageSize);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1].recordid;
    if (page.length < pageSize) return;
  }
}
