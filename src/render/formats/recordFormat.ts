import type { FieldDef } from '../../model/descriptor';
import type { OutputOptions } from '../../model/recordsRequest';
import type { RecordHit, WrittenField, WrittenRecord } from '../../model/searchResult';
import type { RecordContext } from '../recordObject';

/**
 * What a format needs to know to write records: how records are shown (schema, zone, dataset id),
 * the columns shown and the output options.
 */
export interface FormatContext { records: RecordContext; columns: readonly FieldDef[]; output: Pick<OutputOptions, 'csvSeparator' | 'withBom' | 'useLabelsForHeader'>; filename: string }

/**
 * A body written piece by piece: what opens it, each page of records, and what closes it. Pages
 * are written straight from the records as Elasticsearch returns them, with no ODS record object
 * built and walked in between.
 */
export interface RecordStream { head: string; page(records: readonly RecordHit[], first: boolean): string; tail: string }

/**
 * A body written from records as their index keeps them written (WRITTEN_RECORD, WRITTEN_CSV):
 * each record the UTF-8 bytes of its ODS JSON from `"recordid"` on, or of its CSV line, sent as they are.
 */
export interface WrittenStream { head: string; page(records: readonly WrittenRecord[], first: boolean): Uint8Array; tail: string }

/**
 * One output format of records (an export, or a page when the dialect has no envelope of its own):
 * its content type, extra headers, and how it streams. A JSON format can be wrapped in JSONP.
 */
export interface RecordFormat {
  contentType: string;
  /** True when the whole body is one JSON value (so `…p` JSONP wraps it). */
  json: boolean;
  headers(ctx: FormatContext): Record<string, string>;
  stream(ctx: FormatContext): RecordStream;
  /**
   * The same body from records kept written in `field`, for a format that shows each record as its
   * ODS JSON, its GeoJSON feature or its CSV line: the same bytes as `stream`'s for every field.
   */
  written?: { field: WrittenField; stream(ctx: FormatContext): WrittenStream };
}
