import { recordHeadJson, recordJson } from '../recordJson';
import { jsonItems } from './jsonItems';
import type { RecordFormat } from './recordFormat';
import { writtenItems } from './writtenItems';

const BETWEEN = Buffer.from(', '), NOTHING = Buffer.alloc(0);

/** A bare JSON array of ODS records (reference/ods-v1.md §2.8). */
export const jsonFormat: RecordFormat = {
  contentType: 'application/json; charset=utf-8',
  json: true,
  headers: () => ({}),
  stream: (ctx) => {
    const record = recordJson(ctx.records);
    return { head: '[', page: (records, first) => jsonItems(records, first, record), tail: ']' };
  },
  written: (ctx) => {
    const open = Buffer.from(recordHeadJson(ctx.records.datasetId));
    return { head: '[', page: (records, first) => writtenItems(records, first, open, BETWEEN, NOTHING), tail: ']' };
  },
};
