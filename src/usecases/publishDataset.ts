import { isAbsolute, resolve } from 'node:path';
import type { Descriptor } from '../model/descriptor';
import { buildRecord, IngestWarning } from '../ingest/buildRecord';
import { recordGeometry } from '../ingest/geometry';
import { IngestReport, WARNING_CAP } from '../ingest/ingestReport';
import type { RawRow } from '../ingest/rawRow';
import { readerFor } from '../ingest/readers/readerFor';
import { RecordIdAllocator } from '../ingest/recordId';
import { resolveSchema } from '../ingest/resolveSchema';
import type { StoredRecord } from '../index/storedRecord';
import { refreshCatalogEntry } from '../execute/catalogIndex';
import { domainExists, setPublished, upsertDataset } from '../execute/datasetStore';
import type { Deps } from '../execute/deps';
import { reindexDataset, ReindexReport } from './reindexDataset';
import { deleteRecords, insertRecords } from '../execute/recordStore';
import { whileSearchUnavailable } from '../execute/searchAvailability';

export interface PublishOptions {
  /** Folder the descriptor's relative source path is read from. */
  baseDir: string;
  /** Called after each batch with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
  clock?: () => Date;
  /**
   * How long the indexing step waits for an unavailable Elasticsearch (default 10 minutes): the
   * records are safe in PostgreSQL by then, and the index is built once Elasticsearch is back.
   */
  waitForSearchMs?: number;
  /** Called each time the indexing step starts waiting for Elasticsearch. */
  onWaitingForSearch?: (err: unknown) => void;
}

const BATCH = 1000;
const SAMPLE = 500;

async function sampleRows(read: () => AsyncGenerator<{ kind: string; row?: RawRow }>): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const item of read()) {
    if (item.row) rows.push(item.row);
    if (rows.length >= SAMPLE) break;
  }
  return rows;
}

/**
 * Publishes a dataset: reads its source once, types every row, and replaces the dataset's
 * records in PostgreSQL in one transaction (a failure leaves the previous publish intact);
 * then builds a new index version from PostgreSQL and swaps it in, and updates the catalog.
 * While Elasticsearch is unavailable the indexing step waits and starts again (a failed attempt
 * leaves the alias as it was), so that a publish made during an outage converges when it ends.
 */
export async function publishDataset(deps: Deps, descriptor: Descriptor, options: PublishOptions): Promise<IngestReport & { index: ReindexReport }> {
  if (!descriptor.source) throw new Error(`descriptor ${descriptor.id} has no source`);
  const path = isAbsolute(descriptor.source.path) ? descriptor.source.path : resolve(options.baseDir, descriptor.source.path);
  const reader = readerFor({ ...descriptor.source, path });
  const schema = resolveSchema(descriptor, await sampleRows(reader.read));
  const timeZone = descriptor.metadata.timezone ?? 'UTC';
  const clock = options.clock ?? (() => new Date());
  if (!(await domainExists(deps.pool, descriptor.domain))) throw new Error(`unknown domain ${descriptor.domain}`);

  const report: IngestReport = { datasetId: descriptor.id, rowsRead: 0, published: 0, rowsWarned: 0, unit: reader.unit, warnings: [], warningCount: 0 };
  const warn = (w: IngestWarning): void => {
    report.warningCount++;
    if (report.warnings.length < WARNING_CAP) report.warnings.push(w);
  };
  const client = await deps.pool.connect();
  try {
    await client.query('BEGIN');
    await upsertDataset(client, descriptor);
    await deleteRecords(client, descriptor.id);
    const ids = new RecordIdAllocator(schema.filter((f) => f.annotations.some((a) => a.name === 'id')).map((f) => f.name));
    const timestamp = clock().toISOString();
    let batch: StoredRecord[] = [];
    for await (const item of reader.read()) {
      if (item.kind === 'problem') { warn(item.problem); continue; }
      report.rowsRead++;
      const { record, warnings } = buildRecord(schema, item.row, timeZone);
      warnings.forEach(warn);
      if (warnings.length > 0) report.rowsWarned++;
      batch.push({
        recordid: ids.next(record.fields), fields: record.fields, geometry: recordGeometry(schema, record.fields),
        recordTimestamp: timestamp, sourceLine: record.position,
      });
      if (batch.length >= BATCH) {
        await insertRecords(client, descriptor.id, batch);
        report.published += batch.length;
        batch = [];
        options.onProgress?.(report.rowsRead);
      }
    }
    await insertRecords(client, descriptor.id, batch);
    report.published += batch.length;
    await setPublished(client, descriptor.id, schema, report.published);
    await client.query(
      `INSERT INTO ingest_jobs (dataset_id, source, state, rows_read, rows_published, rows_warned, warnings, finished_at)
       VALUES ($1, $2, 'published', $3, $4, $5, $6, now())`,
      [descriptor.id, path, report.rowsRead, report.published, report.rowsWarned, JSON.stringify(report.warnings.slice(0, 100))],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    await deps.pool.query(
      `INSERT INTO ingest_jobs (dataset_id, source, state, error, finished_at) SELECT $1, $2, 'failed', $3, now()
       WHERE EXISTS (SELECT 1 FROM datasets WHERE id = $1)`,
      [descriptor.id, path, err instanceof Error ? err.message : String(err)],
    ).catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  const wait = { maxWaitMs: options.waitForSearchMs ?? 600_000, onWait: options.onWaitingForSearch };
  const index = await whileSearchUnavailable(() => reindexDataset(deps, descriptor.id), wait);
  await whileSearchUnavailable(() => refreshCatalogEntry(deps, descriptor.id), wait);
  return { ...report, index };
}
