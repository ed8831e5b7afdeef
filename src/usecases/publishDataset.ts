import { isAbsolute, resolve } from 'node:path';
import type { PoolClient } from 'pg';
import { PublishRefused } from '../errors/publishRefused';
import { DEFAULT_MAX_WARNING_SHARE, Descriptor, FieldDef } from '../model/descriptor';
import { buildRecord, IngestWarning } from '../ingest/buildRecord';
import { GeoExtent } from '../ingest/geoExtent';
import { recordGeometry } from '../ingest/geometry';
import { IngestReport, WARNING_CAP } from '../ingest/ingestReport';
import { withIoTurns } from '../ingest/ioTurns';
import type { ReaderItem } from '../ingest/rawRow';
import { Reader, readerFor } from '../ingest/readers/readerFor';
import { RecordIdAllocator } from '../ingest/recordId';
import { resolveSchema } from '../ingest/resolveSchema';
import { suggestAnnotations } from '../ingest/suggestAnnotations';
import { compileRules, CompiledRules } from '../processors/compileRules';
import type { Rule } from '../model/rule';
import { listRules } from '../execute/ruleStore';
import { SampledRead, sampleThenRead } from '../ingest/sampleRows';
import { ColumnsSeen, columnsSeenFor, missingColumnsMessage } from '../ingest/sourceColumns';
import { RAISE_WARNING_LIMIT, tooManyWarningsMessage, WarningTally } from '../ingest/warningTally';
import { recordTexts } from '../index/storedShapes';
import { refreshCatalogEntry } from '../execute/catalogIndex';
import { domainExists, getDataset, isMetadataOnlyEntry, setCatalogRecordFacts, setPublished, upsertDataset } from '../execute/datasetStore';
import type { Deps } from '../execute/deps';
import { exclusively, publishLockKey } from '../execute/exclusively';
import { recordWritten } from '../execute/jobStore';
import { IndexAlongside } from './indexAlongside';
import { reindexDataset, ReindexReport } from './reindexDataset';
import { sweepQuietly } from '../execute/sweepRetiredIndices';
import { deleteRecords, insertCopyLines } from '../execute/recordStore';
import { PublishBatch, type WrittenBatch } from './publishBatch';
import { whileSearchUnavailable } from '../execute/searchAvailability';

export interface PublishOptions {
  /** Folder the descriptor's relative source path is read from. */
  baseDir: string;
  /**
   * Called after each batch with the number of rows read so far; a promise is awaited (a job
   * records its progress). An error thrown here stops the publish before it changes anything.
   */
  onProgress?: (rowsRead: number) => void | Promise<void>;
  /** Called as the publish enters its indexing and cataloguing phases (once its records are written). */
  onPhase?: (phase: 'indexing' | 'cataloguing', counts: { rowsRead: number; published: number }) => void | Promise<void>;
  /** The management job this publish runs as: its row gets the counts in the records' transaction, instead of a new row. */
  jobId?: number;
  /** The processing rules to run on each record; the dataset's stored rules when absent. */
  rules?: readonly Rule[];
  clock?: () => Date;
  /**
   * How long the indexing step waits for an unavailable Elasticsearch (default 10 minutes): the
   * records are safe in PostgreSQL by then, and the index is built once Elasticsearch is back.
   */
  waitForSearchMs?: number;
  /** Called each time the indexing step starts waiting for Elasticsearch. */
  onWaitingForSearch?: (err: unknown) => void;
  /** The most rows (a share, 0 to 1) that may have warnings; above it nothing is published. Overrides the descriptor's `maxWarningShare` (default 5 %). */
  maxWarningShare?: number;
  /** Allows publishing over a metadata-only catalog entry of the same id (refused otherwise). */
  takeOver?: boolean;
}

const BATCH = 1000;

/**
 * Every this many rows read, the event loop runs what waits on I/O while rows are typed: the
 * index created, a bulk request to send, an answer that frees a request slot.
 */
const ROWS_BETWEEN_IO = 100;

/** Refuses a publish whose descriptor names columns the rows seen do not have. */
function checkColumns(id: string, columns: ColumnsSeen): void {
  const missing = columns.missing();
  if (missing.length > 0) throw new PublishRefused('missing_columns', missingColumnsMessage(id, missing, columns.columns()));
}

/**
 * Publishes a dataset: reads its source once, types every row, and replaces the dataset's
 * records in PostgreSQL in one transaction (a failure leaves the previous publish intact). Each
 * batch is bulk-indexed into a new index version while PostgreSQL writes it, and both while the
 * next batch is read and typed; once the transaction commits, that version is refreshed and
 * swapped in, and the catalog is updated.
 * If that loading failed, the version is rebuilt from PostgreSQL instead. While Elasticsearch is
 * unavailable that rebuild waits and starts again (a failed attempt leaves the alias as it was),
 * so that a publish made during an outage converges when it ends.
 *
 * Refused (PublishRefused, nothing changed) while another publish of the same dataset runs
 * anywhere (a PostgreSQL advisory lock per dataset), when a column the descriptor names is not in
 * the file, when more rows warn than allowed, when a processing rule does not fit the file's
 * schema, and over a metadata-only catalog entry unless `takeOver` is given. The rules (the
 * dataset's stored ones unless `rules` says otherwise) run on each typed record: their fields are
 * stored and indexed with the others, and a rule that fails on a record gives a warning.
 */
export async function publishDataset(deps: Deps, descriptor: Descriptor, options: PublishOptions): Promise<IngestReport & { index: ReindexReport }> {
  if (!descriptor.source) throw new Error(`descriptor ${descriptor.id} has no source`);
  const run = await exclusively(deps.pool, publishLockKey(descriptor.id), (client) => publishLocked(deps, client, descriptor, options));
  if (run.skipped) {
    throw new PublishRefused('busy', `${descriptor.id}: another publish of this dataset is running; nothing was changed (publish again once it has finished)`);
  }
  return run.result;
}

async function publishLocked(deps: Deps, client: PoolClient, descriptor: Descriptor, options: PublishOptions): Promise<IngestReport & { index: ReindexReport }> {
  const source = descriptor.source!;
  const path = isAbsolute(source.path) ? source.path : resolve(options.baseDir, source.path);
  const reader = readerFor({ ...source, path });
  // The rows sampled for the schema are read once: the publish goes on from them.
  const sampled = await sampleThenRead(reader.read);
  try {
    return await publishSampled(deps, client, descriptor, options, { path, reader, sampled });
  } finally {
    await sampled.close();
  }
}

async function publishSampled(
  deps: Deps, client: PoolClient, descriptor: Descriptor, options: PublishOptions,
  { path, reader, sampled }: { path: string; reader: Reader; sampled: SampledRead },
): Promise<IngestReport & { index: ReindexReport }> {
  const { sample } = sampled;
  const resolved = resolveSchema(descriptor, sample);
  // A descriptor without fields takes every column, with the annotations a preview would propose.
  const fileSchema = descriptor.fields.length > 0 ? resolved : suggestAnnotations(resolved, sample);
  const rules = compileRules(options.rules ?? (await listRules(client, descriptor.id)), fileSchema);
  if (!rules.ok) {
    const problems = rules.reports.filter((r) => !r.valid).map((r) => `rule ${r.name} (${r.capability}): ${r.errors.join('; ')}`);
    throw new PublishRefused('invalid_rules', `${descriptor.id}: ${problems.join('; ')}; nothing was published`);
  }
  const schema = rules.fields;
  const columns = columnsSeenFor(descriptor, schema, reader.format);
  sample.forEach((r) => columns.add(r.values));
  // A CSV row has every column of the header: one row says all.
  if (reader.format === 'csv' && sample.length > 0) checkColumns(descriptor.id, columns);
  if (!(await domainExists(client, descriptor.domain))) throw new Error(`unknown domain ${descriptor.domain}`);
  if (!options.takeOver && (await isMetadataOnlyEntry(client, descriptor.id))) {
    throw new PublishRefused('take_over_needed', `${descriptor.id} is a metadata-only catalog entry (from import-catalog); nothing was changed. `
      + 'Publish with --take-over (takeOver) to replace it with these records.');
  }
  const previous = await getDataset(client, descriptor.id);
  // The index is created while the first rows are read and typed.
  const alongside = IndexAlongside.open(deps, descriptor.id, schema, previous?.recordsCount ?? 0);
  let report: IngestReport;
  try {
    report = await writeRecords(client, descriptor, options, { path, reader, items: sampled.items(), schema, columns, rules, alongside });
    await options.onPhase?.('indexing', report);
  } catch (err) {
    await alongside.discard();
    throw err;
  }
  const wait = { maxWaitMs: options.waitForSearchMs ?? 600_000, onWait: options.onWaitingForSearch };
  const built = await alongside.goLive(report.published);
  const index = built ?? await whileSearchUnavailable(() => reindexDataset(deps, descriptor.id), wait);
  await options.onPhase?.('cataloguing', report);
  // The version the swap retired is deleted while the catalog entry is written.
  await Promise.all([whileSearchUnavailable(() => refreshCatalogEntry(deps, descriptor.id), wait), built ? sweepQuietly(deps) : undefined]);
  return { ...report, index };
}

/**
 * Types every row and replaces the dataset's records in one transaction on `client`; refused
 * publishes roll back. Each batch is indexed `alongside` while PostgreSQL writes it. A record's
 * texts (its fields' JSON, each shape's) are written once, for PostgreSQL and the document alike,
 * and encoded as soon as the record is made (PublishBatch).
 */
async function writeRecords(
  client: PoolClient, descriptor: Descriptor, options: PublishOptions,
  { path, reader, items, schema, columns, rules, alongside }: {
    path: string; reader: Reader; items: AsyncGenerator<ReaderItem>; schema: FieldDef[]; columns: ColumnsSeen; rules: CompiledRules; alongside: IndexAlongside;
  },
): Promise<IngestReport> {
  const timeZone = descriptor.metadata.timezone ?? 'UTC';
  const clock = options.clock ?? (() => new Date());
  const maxShare = options.maxWarningShare ?? descriptor.maxWarningShare ?? DEFAULT_MAX_WARNING_SHARE;
  const report: IngestReport = { datasetId: descriptor.id, rowsRead: 0, published: 0, rowsWarned: 0, unit: reader.unit, warnings: [], warningCount: 0 };
  const tally = new WarningTally();
  const extent = new GeoExtent();
  const warn = (w: IngestWarning): void => {
    report.warningCount++;
    tally.warn(w.position);
    if (report.warnings.length < WARNING_CAP) report.warnings.push(w);
  };
  try {
    await client.query('BEGIN');
    await upsertDataset(client, descriptor);
    await deleteRecords(client, descriptor.id);
    const ids = new RecordIdAllocator(schema.filter((f) => f.annotations.some((a) => a.name === 'id')).map((f) => f.name));
    const timestamp = clock().toISOString();
    // Each batch is written (PostgreSQL and Elasticsearch) while the next one is read and typed; one at a time.
    let writing: Promise<void> = Promise.resolve();
    const write = async ({ lines, docs }: WrittenBatch): Promise<void> => {
      await writing;
      writing = Promise.all([insertCopyLines(client, lines), alongside.add(docs)]).then(() => { report.published += lines.length; });
      // Handled here: a failure is thrown by the next write, or by the wait for the last one.
      writing.catch(() => undefined);
    };
    const batch = new PublishBatch(descriptor.id, alongside);
    for await (const item of withIoTurns(items, ROWS_BETWEEN_IO)) {
      if (item.kind === 'problem') { warn(item.problem); continue; }
      report.rowsRead++;
      tally.see(item.row.position);
      columns.add(item.row.values);
      const { record, warnings } = buildRecord(schema, item.row, timeZone);
      for (const w of rules.apply(record.fields)) warnings.push({ position: item.row.position, field: w.field, message: `rule ${w.rule}: ${w.message}` });
      warnings.forEach(warn);
      if (warnings.length > 0) report.rowsWarned++;
      extent.add(schema, record.fields);
      const written = new Map<unknown, string>();
      const texts = recordTexts(schema, record.fields, written);
      batch.add({
        recordid: ids.next(record.fields, written), fields: record.fields, geometry: recordGeometry(schema, record.fields),
        recordTimestamp: timestamp, sourceLine: record.position, texts,
      });
      if (batch.size >= BATCH) {
        await write(batch.take());
        await options.onProgress?.(report.rowsRead);
      }
    }
    await write(batch.take());
    await writing;
    if (report.rowsRead > 0) checkColumns(descriptor.id, columns);
    if (tally.share() > maxShare) {
      throw new PublishRefused('too_many_warnings', `${tooManyWarningsMessage(descriptor.id, tally, reader.unit, maxShare)}; `
        + `nothing was published, the previous version keeps serving (${RAISE_WARNING_LIMIT})`,
        { unit: reader.unit, first: report.warnings.slice(0, 20) });
    }
    await setPublished(client, descriptor.id, schema, report.published);
    await setCatalogRecordFacts(client, descriptor.id, {
      records_count: report.published, modified: descriptor.metadata.modified ?? timestamp, data_processed: timestamp,
      bbox: extent.bbox(), geometry_types: extent.geometryTypes(),
    });
    const written = { rowsRead: report.rowsRead, published: report.published, rowsWarned: report.rowsWarned, warnings: report.warnings.slice(0, 100) };
    if (options.jobId !== undefined) await recordWritten(client, options.jobId, written);
    else {
      await client.query(
        `INSERT INTO ingest_jobs (dataset_id, source, state, rows_read, rows_published, rows_warned, warnings, finished_at)
         VALUES ($1, $2, 'published', $3, $4, $5, $6, now())`,
        [descriptor.id, path, written.rowsRead, written.published, written.rowsWarned, JSON.stringify(written.warnings)],
      );
    }
    await client.query('COMMIT');
    return report;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A job records its own end; a CLI publish leaves a failed row beside the dataset it failed to replace.
    if (options.jobId !== undefined) throw err;
    await client.query(
      `INSERT INTO ingest_jobs (dataset_id, source, state, error, finished_at) SELECT $1, $2, 'failed', $3, now()
       WHERE EXISTS (SELECT 1 FROM datasets WHERE id = $1)`,
      [descriptor.id, path, err instanceof Error ? err.message : String(err)],
    ).catch(() => undefined);
    throw err;
  }
}
