import type { FieldDef } from '../model/descriptor';
import type { StoredRecord } from '../index/storedRecord';
import type { WrittenTexts } from '../model/searchResult';
import { writtenCsv } from './writtenCsv';
import { writtenRecord } from './writtenRecord';

/** Everything a record's document keeps written (recordDocument's `written`): its ODS JSON with its head, and its CSV line. */
export function writtenTexts(schema: readonly FieldDef[]): (record: StoredRecord) => WrittenTexts {
  const json = writtenRecord(schema), csv = writtenCsv(schema);
  return (r) => ({ record: json(r), csv: csv(r) });
}
