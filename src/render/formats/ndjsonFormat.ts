import { WRITTEN_RECORD } from '../../model/searchResult';
import { recordHeadJson, recordJson } from '../recordJson';
import type { RecordFormat } from './recordFormat';
import { writtenItems } from './writtenItems';

const NOTHING = Buffer.alloc(0), NEWLINE = Buffer.from('\n');

/** Newline-delimited JSON: one ODS record per line, each line a whole JSON value (no array around them). */
export const ndjsonFormat: RecordFormat = {
  contentType: 'application/x-ndjson; charset=utf-8',
  json: false,
  headers: () => ({}),
  stream: (ctx) => {
    const record = recordJson(ctx.records);
    return { head: '', page: (records) => { let out = ''; for (const r of records) out += `${record(r)}\n`; return out; }, tail: '' };
  },
  written: {
    field: WRITTEN_RECORD.field,
    stream: (ctx) => {
      const open = Buffer.from(recordHeadJson(ctx.records.datasetId));
      return { head: '', page: (records, first) => writtenItems(records, first, open, NOTHING, NEWLINE), tail: '' };
    },
  },
};
