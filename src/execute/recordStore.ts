import type { StoredRecord } from '../index/storedRecord';
import type { Queryable } from './queryable';

export async function deleteRecords(q: Queryable, datasetId: string): Promise<void> {
  await q.query('DELETE FROM records WHERE dataset_id = $1', [datasetId]);
}

/**
 * Separates the fields' texts, and the geometries' texts, of a batch in one parameter each. JSON
 * escapes every control character, so none of its texts holds this one; and one text spares the
 * client the quoting of each element of an array (the texts are full of double quotes), and the
 * server the reading of it. A record without a geometry is an empty text, which no JSON is, read
 * back as NULL (a batch of one such record is an empty array, which unnest pads with NULL).
 */
const TEXTS_SEPARATOR = '\x1e';

/** Inserts one batch with a single statement (arrays unnested server-side). */
export async function insertRecords(q: Queryable, datasetId: string, records: readonly StoredRecord[]): Promise<void> {
  if (records.length === 0) return;
  await q.query(
    `INSERT INTO records (dataset_id, recordid, fields, geometry, record_timestamp, source_line)
     SELECT $1, r.recordid, r.fields, r.geometry, r.ts, r.line
     FROM unnest($2::text[], string_to_array($3, $7)::json[], string_to_array($4, $7, '')::jsonb[], $5::timestamptz[], $6::int[]) AS r(recordid, fields, geometry, ts, line)`,
    [
      datasetId,
      records.map((r) => r.recordid),
      records.map((r) => r.texts?.fields ?? JSON.stringify(r.fields)).join(TEXTS_SEPARATOR),
      records.map((r) => (r.geometry ? JSON.stringify(r.geometry) : '')).join(TEXTS_SEPARATOR),
      records.map((r) => r.recordTimestamp),
      records.map((r) => r.sourceLine),
      TEXTS_SEPARATOR,
    ],
  );
}

/**
 * Refreshes the planner's statistics of the records table's key, which a rebuild's pages depend
 * on. Without them (autovacuum comes later, or not at all under load) the planner may believe a
 * dataset just published has a few rows, and read each page of its rebuild by sorting every
 * record after the bound: 1.3 s a page for 100k records, against milliseconds for the primary
 * key's index in order. Only the key's columns are sampled: the fields' texts are large.
 */
export async function analyzeRecords(q: Queryable): Promise<void> {
  await q.query('ANALYZE records (dataset_id, recordid)');
}

interface Row { recordid: string; fields: StoredRecord['fields']; geometry: StoredRecord['geometry']; record_timestamp: Date; source_line: number }

/**
 * One page of a dataset's records in recordid order, after `after` (keyset paging). The bound is
 * compared as char(40), the column's own type, so that it is a condition of the primary key's
 * index: compared as text (or behind `$2 IS NULL OR`), it is a filter, and each page scans the
 * dataset from its start (a 1M-record rebuild then reads 250M rows; measured by bench/upload).
 */
export async function readRecordPage(q: Queryable, datasetId: string, after: string | null, limit: number): Promise<StoredRecord[]> {
  const columns = 'SELECT recordid, fields, geometry, record_timestamp, source_line FROM records';
  const { rows } = after === null
    ? await q.query<Row>(`${columns} WHERE dataset_id = $1 ORDER BY recordid LIMIT $2`, [datasetId, limit])
    : await q.query<Row>(`${columns} WHERE dataset_id = $1 AND recordid > $3::char(40) ORDER BY recordid LIMIT $2`, [datasetId, limit, after]);
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
