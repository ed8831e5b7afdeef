import { jsonText } from '../jsonText';
import type { RecordFormat } from './recordFormat';

/** Newline-delimited JSON: one ODS record per line, each line a whole JSON value (no array around them). */
export const ndjsonFormat: RecordFormat = {
  contentType: 'application/x-ndjson; charset=utf-8',
  json: false,
  headers: () => ({}),
  stream: () => ({ head: '', page: (records) => records.map((r) => `${jsonText(r, false)}\n`).join(''), tail: '' }),
};
