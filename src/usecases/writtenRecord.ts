import type { FieldDef } from '../model/descriptor';
import type { StoredRecord } from '../index/storedRecord';
import { fieldsToStore } from '../index/storedShapes';
import { recordTailJson } from '../render/recordJson';
import { WRITTEN_RECORD } from '../model/searchResult';

/**
 * What a record index keeps written of each record (the document's `written`): its ODS JSON from
 * `"recordid"` on, in WRITTEN_RECORD's zone, its shapes spliced from their texts, byte for byte what
 * a JSON export writes of the same record read back from its document.
 */
export function writtenRecord(schema: readonly FieldDef[]): (record: StoredRecord) => string {
  const tail = recordTailJson(schema, WRITTEN_RECORD.timeZone);
  return (r) => tail({
    datasetid: '', recordid: r.recordid, record_timestamp: r.recordTimestamp,
    fields: fieldsToStore(schema, r.fields, r.texts), ...(r.geometry ? { geometry: r.geometry } : {}),
  });
}
