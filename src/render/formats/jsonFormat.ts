import { WRITTEN_RECORD } from '../../model/searchResult';
import { recordJson } from '../recordJson';
import { jsonItems } from './jsonItems';
import type { RecordFormat } from './recordFormat';
import { writtenRecordItems } from './writtenItems';

/** A bare JSON array of ODS records (reference/ods-v1.md §2.8). */
export const jsonFormat: RecordFormat = {
  contentType: 'application/json; charset=utf-8',
  json: true,
  headers: () => ({}),
  stream: (ctx) => {
    const record = recordJson(ctx.records);
    return { head: '[', page: (records, first) => jsonItems(records, first, record), tail: ']' };
  },
  written: { field: WRITTEN_RECORD.field, stream: (ctx) => ({ head: '[', page: writtenRecordItems(ctx.records.datasetId), tail: ']' }) },
};
