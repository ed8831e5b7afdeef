import { csvHeader, csvRecordLines } from '../csvRecords';
import type { FormatContext, RecordFormat } from './recordFormat';

const csvOptions = (ctx: FormatContext) => ({ separator: ctx.output.csvSeparator, useLabels: ctx.output.useLabelsForHeader, withBom: ctx.output.withBom });

/** CSV (SPEC §3): a header of names or labels, then one line per record. */
export const csvFormat: RecordFormat = {
  contentType: 'text/csv; charset=utf-8',
  json: false,
  headers: (ctx) => ({ 'Content-Disposition': `attachment; filename="${ctx.filename}.csv"` }),
  stream: (ctx) => ({ head: csvHeader(ctx.columns, csvOptions(ctx)), page: (records) => csvRecordLines(ctx.columns, records, csvOptions(ctx)), tail: '' }),
};
