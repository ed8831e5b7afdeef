import { isAbsolute, resolve } from 'node:path';
import { parseDescriptor } from '../catalog/parseDescriptor';
import { DEFAULT_MAX_WARNING_SHARE, Descriptor, FieldDef } from '../model/descriptor';
import { buildRecord, IngestWarning } from '../ingest/buildRecord';
import { recordGeometry } from '../ingest/geometry';
import { WARNING_CAP } from '../ingest/ingestReport';
import { DescriptorDraft, DescriptorJson, proposedDescriptor } from '../ingest/proposedDescriptor';
import type { PositionUnit } from '../ingest/rawRow';
import { Reader, readerFor } from '../ingest/readers/readerFor';
import { RecordIdAllocator } from '../ingest/recordId';
import { resolveSchema } from '../ingest/resolveSchema';
import { sampleRows } from '../ingest/sampleRows';
import { columnsSeenFor, missingColumnsMessage } from '../ingest/sourceColumns';
import { suggestAnnotations } from '../ingest/suggestAnnotations';
import { RAISE_WARNING_LIMIT, tooManyWarningsMessage, WarningTally } from '../ingest/warningTally';
import { fieldsByName, OdsRecord, recordObject } from '../render/recordObject';

export interface PreviewOptions {
  /** Folder a relative source path is read from. */
  baseDir: string;
  /** The most rows (a share) that may warn, as publish's own option; else the draft's, else 5 %. */
  maxWarningShare?: number;
  /** How many records to render (20). */
  recordCount?: number;
  /** The `record_timestamp` of the rendered records. */
  clock?: () => Date;
}

/** Why publishing the proposed descriptor would be refused (publish's own reasons and messages). */
export interface PreviewRefusal { reason: 'missing_columns' | 'too_many_warnings'; message: string }

/** A file read as it would be published, with nothing published. */
export interface Preview {
  /** A complete descriptor (parseDescriptor accepts it): publishing it publishes these records. */
  descriptor: DescriptorJson;
  /** The first records as the ODS v1 records API renders them (datetimes in UTC, its default zone). */
  records: OdsRecord[];
  /** Rows read (lines or items that gave a row). */
  rowsRead: number;
  /** Rows with at least one warning, unreadable ones included (what the refusal threshold counts). */
  rowsWarned: number;
  unit: PositionUnit;
  /** Every column or property the rows had, in the order first met. */
  columns: string[];
  /** The warnings in file order, the first WARNING_CAP of them; `warningCount` has the total. */
  warnings: IngestWarning[];
  warningCount: number;
  wouldBeRefused: PreviewRefusal | null;
}

/**
 * Previews a source file: infers the schema from the first INFERENCE_SAMPLE rows as publish does
 * (with annotations suggested when the draft has no fields; given fields are used as they are),
 * then reads the whole file, typing every row and keeping only the first records, the counts and
 * the warnings. Nothing is written anywhere. Throws when the draft makes no valid descriptor (an
 * id or a field that the descriptor format refuses), with parseDescriptor's message.
 */
export async function previewSource(draft: DescriptorDraft, options: PreviewOptions): Promise<Preview> {
  const path = isAbsolute(draft.source.path) ? draft.source.path : resolve(options.baseDir, draft.source.path);
  const reader = readerFor({ ...draft.source, path });
  const sample = await sampleRows(reader.read);
  const given = draft.fields ?? [];
  const resolved = resolveSchema({ fields: given }, sample);
  const schema = given.length > 0 ? resolved : suggestAnnotations(resolved, sample);
  const json = proposedDescriptor(draft, schema, reader.format);
  const descriptor = parseDescriptor(json, 'proposed for this source');
  return { descriptor: json, ...(await readAll(descriptor, schema, reader, options)) };
}

/** Reads every row of the file against the schema, keeping what a preview shows. */
async function readAll(descriptor: Descriptor, schema: FieldDef[], reader: Reader, options: PreviewOptions): Promise<Omit<Preview, 'descriptor'>> {
  const timeZone = descriptor.metadata.timezone ?? 'UTC';
  const recordCount = options.recordCount ?? 20;
  const timestamp = (options.clock ?? (() => new Date()))().toISOString();
  const context = { schema, timeZone: 'UTC', datasetId: descriptor.id };
  const byName = fieldsByName(schema);
  const ids = new RecordIdAllocator(schema.filter((f) => f.annotations.some((a) => a.name === 'id')).map((f) => f.name));
  const columns = columnsSeenFor(descriptor, schema, reader.format);
  const seen = new Set<string>();
  const tally = new WarningTally();
  const out: Omit<Preview, 'descriptor' | 'wouldBeRefused' | 'columns' | 'rowsWarned'> = { records: [], rowsRead: 0, unit: reader.unit, warnings: [], warningCount: 0 };
  const warn = (w: IngestWarning): void => {
    out.warningCount++;
    tally.warn(w.position);
    if (out.warnings.length < WARNING_CAP) out.warnings.push(w);
  };
  for await (const item of reader.read()) {
    if (item.kind === 'problem') { warn(item.problem); continue; }
    out.rowsRead++;
    tally.see(item.row.position);
    columns.add(item.row.values);
    for (const key of Object.keys(item.row.values)) seen.add(key);
    const { record, warnings } = buildRecord(schema, item.row, timeZone);
    warnings.forEach(warn);
    if (out.records.length < recordCount) {
      // Ids depend on the rows before, never after: the first records get the ids publish gives them.
      const geometry = recordGeometry(schema, record.fields) ?? undefined;
      const hit = { datasetid: descriptor.id, recordid: ids.next(record.fields), fields: record.fields, geometry, record_timestamp: timestamp };
      out.records.push(recordObject(hit, context, byName));
    }
  }
  const maxShare = options.maxWarningShare ?? descriptor.maxWarningShare ?? DEFAULT_MAX_WARNING_SHARE;
  const missing = out.rowsRead > 0 ? columns.missing() : [];
  const wouldBeRefused: PreviewRefusal | null = missing.length > 0
    ? { reason: 'missing_columns', message: missingColumnsMessage(descriptor.id, missing, [...seen]) }
    : tally.share() > maxShare ? { reason: 'too_many_warnings', message: `${tooManyWarningsMessage(descriptor.id, tally, reader.unit, maxShare)} (${RAISE_WARNING_LIMIT})` } : null;
  return { ...out, rowsWarned: tally.warnedRows, columns: [...seen], wouldBeRefused };
}
