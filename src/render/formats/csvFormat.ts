import { WRITTEN_CSV } from '../../model/searchResult';
import { csvHeader, csvHitLine } from '../csvRecords';
import type { FormatContext, RecordFormat } from './recordFormat';
import { writtenLines } from './writtenItems';

const csvOptions = (ctx: FormatContext) => ({ separator: ctx.output.csvSeparator, useLabels: ctx.output.useLabelsForHeader, withBom: ctx.output.withBom });

/** CSV (SPEC §3): a header of names or labels, then one line per record. */
export const csvFormat: RecordFormat = {
  contentType: 'text/csv; charset=utf-8',
  json: false,
  headers: (ctx) => ({ 'Content-Disposition': `attachment; filename="${ctx.filename}.csv"` }),
  stream: (ctx) => {
    const line = csvHitLine(ctx.columns, ctx.records.timeZone, csvOptions(ctx));
    return { head: csvHeader(ctx.columns, csvOptions(ctx)), page: (records) => { let out = ''; for (const r of records) out += line(r); return out; }, tail: '' };
  },
  // Only for a request of every field with WRITTEN_CSV's separator and zone (planExport): the lines records keep written.
  written: { field: WRITTEN_CSV.field, stream: (ctx) => ({ head: csvHeader(ctx.columns, csvOptions(ctx)), page: writtenLines, tail: '' }) },
};
