import type { FieldDef } from '../model/descriptor';
import type { StoredRecord } from '../index/storedRecord';
import { fieldsToStore } from '../index/storedShapes';
import { csvHitLine } from '../render/csvRecords';
import { WRITTEN_CSV } from '../model/searchResult';

/**
 * What a record index keeps written of each record for CSV (the document's `written_csv`): the
 * UTF-8 bytes of its line as a CSV download of every field (the schema's columns, in its order)
 * writes it with WRITTEN_CSV's separator and zone, from the fields its document keeps: byte for
 * byte csvHitLine's line of the record read back.
 */
export function writtenCsv(schema: readonly FieldDef[]): (record: StoredRecord) => Buffer {
  const line = csvHitLine(schema, WRITTEN_CSV.timeZone, { separator: WRITTEN_CSV.separator, useLabels: false, withBom: false });
  return (r) => Buffer.from(line({ datasetid: '', recordid: r.recordid, record_timestamp: r.recordTimestamp, fields: fieldsToStore(schema, r.fields, r.texts) }));
}
