import type { FieldDef } from '../model/descriptor';
import type { OutputOptions } from '../model/recordsRequest';
import type { RecordHit } from '../model/searchResult';
import { csvHeader, csvRecordLines } from './csvRecords';
import { geojsonFeatures } from './geojsonFeatures';
import { jsonText } from './jsonText';
import { fieldsByName, OdsRecord, recordObject, RecordContext } from './recordObject';

/** A streamed body: its content type, what opens it, each page of records, and what closes it. */
export interface ExportWriter {
  contentType: string;
  headers: Record<string, string>;
  head: string;
  page(records: readonly RecordHit[], first: boolean): string;
  tail: string;
}

const joined = (items: unknown[], first: boolean): string => (items.length === 0 ? '' : `${first ? '' : ', '}${items.map((i) => jsonText(i, false)).join(', ')}`);

/**
 * The writer of an export (reference/ods-v1.md §2.8): CSV (header then lines), a bare JSON array
 * of records, a GeoJSON FeatureCollection, and their JSONP forms.
 */
export function exportWriter(output: OutputOptions, ctx: RecordContext, columns: readonly FieldDef[], filename: string): ExportWriter {
  const byName = fieldsByName(ctx.schema);
  const records = (hits: readonly RecordHit[]): OdsRecord[] => hits.map((h) => recordObject(h, ctx, byName));
  const open = output.callback && output.format.endsWith('jsonp') ? `/**/${output.callback}(` : '';
  const close = open ? ');' : '';
  const script = { 'X-Content-Type-Options': 'nosniff' };
  switch (output.format) {
    case 'csv': {
      const o = { separator: output.csvSeparator, useLabels: output.useLabelsForHeader, withBom: output.withBom };
      return {
        contentType: 'text/csv; charset=utf-8', headers: { 'Content-Disposition': `attachment; filename="${filename}.csv"` },
        head: csvHeader(columns, o), page: (hits) => csvRecordLines(columns, records(hits), o), tail: '',
      };
    }
    case 'json': case 'jsonp':
      return {
        contentType: open ? 'text/javascript; charset=utf-8' : 'application/json; charset=utf-8', headers: open ? script : {},
        head: `${open}[`, page: (hits, first) => joined(records(hits), first), tail: `]${close}`,
      };
    case 'geojson': case 'geojsonp':
      return {
        contentType: open ? 'text/javascript; charset=utf-8' : 'application/geo+json; charset=utf-8', headers: open ? script : {},
        head: `${open}{"type": "FeatureCollection", "features": [`,
        page: (hits, first) => joined(geojsonFeatures(columns, records(hits)), first),
        tail: `]}${close}`,
      };
  }
}
