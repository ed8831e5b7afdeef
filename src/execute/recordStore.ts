import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { StoredRecord } from '../index/storedRecord';
import { joined } from './byteBatch';
import type { Queryable } from './queryable';

export async function deleteRecords(q: Queryable, datasetId: string): Promise<void> {
  await q.query('DELETE FROM records WHERE dataset_id = $1', [datasetId]);
}

/** The columns a batch is copied into, in the order of each line's values. */
const COPY_RECORDS = 'COPY records (dataset_id, recordid, fields, geometry, record_timestamp, source_line) FROM STDIN';

/**
 * A value as COPY's text format reads it: a backslash, and the tab, newline and carriage return
 * that would end a value or a line, escaped. JSON.stringify's texts hold no raw tab, newline or
 * carriage return (it escapes them), so most values go as they are.
 */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A record's line of COPY's text format, its newline included; a record without a geometry has NULL (`\\N`). */
export function copyLine(datasetId: string, r: StoredRecord): string {
  const fields = copyText(r.texts?.fields ?? JSON.stringify(r.fields));
  const geometry = r.geometry ? copyText(JSON.stringify(r.geometry)) : '\\N';
  return `${copyText(datasetId)}\t${copyText(r.recordid)}\t${fields}\t${geometry}\t${copyText(r.recordTimestamp)}\t${r.sourceLine}\n`;
}

/**
 * Inserts one batch with COPY, one line a record, in a single message. PostgreSQL reads each
 * value once, as its column's type: no array is built and taken apart again, no statement is
 * planned. Batches of 1,000 records cost PostgreSQL 35–45 % less CPU than an INSERT of unnested
 * arrays (docs/performance-history.md).
 */
export async function insertRecords(client: Pick<PoolClient, 'query'>, datasetId: string, records: readonly StoredRecord[]): Promise<void> {
  // Each line encoded on its own: one text of the whole batch, made by appending, is a chain of
  // pieces that its encoding must first copy into one (about three times the CPU, measured).
  await insertCopyLines(client, records.map((r) => Buffer.from(copyLine(datasetId, r))));
}

/** Inserts a batch given as its COPY lines (copyLine's), already encoded: a publish encodes each as its record is made. */
export async function insertCopyLines(client: Pick<PoolClient, 'query'>, lines: readonly Uint8Array[]): Promise<void> {
  if (lines.length === 0) return;
  await pipeline(Readable.from([joined(lines)]), client.query(copyFrom(COPY_RECORDS)));
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
