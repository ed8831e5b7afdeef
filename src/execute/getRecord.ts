import type { RecordHit } from '../model/searchResult';
import type { Deps } from './deps';
import { publishedFields } from '../index/storedShapes';

/** One record of an index by its record id (its shapes parsed), or undefined. */
export async function getRecord(deps: Deps, index: string, recordid: string): Promise<RecordHit | undefined> {
  const res = await deps.es.search<RecordHit>({
    index, size: 1, query: { term: { recordid: { value: recordid } } }, _source: ['datasetid', 'recordid', 'record_timestamp', 'fields', 'geometry'],
  });
  const record = res.hits.hits[0]?._source;
  return record && { ...record, fields: publishedFields(record.fields ?? {}) };
}
