import type { RecordHit, WrittenField, WrittenRecord } from '../../model/searchResult';
import type { FormatContext, RecordFormat } from './recordFormat';
import { RECORD_STREAM_FORMATS } from './registry';
import { isJsonpFormat, JSONP_SUFFIX } from '../../model/jsonpFormat';
import { jsonpFrame, type JsonpFrame } from '../jsonp';
import type { BodyPart } from '../rendered';

/**
 * A streamed body: its content type and headers, what opens it, each page of records (or of other
 * items) as text or as bytes (`P`), and what closes it.
 */
export interface ExportWriter<T = RecordHit, P extends BodyPart = string> {
  contentType: string;
  headers: Record<string, string>;
  head: string;
  page(records: readonly T[], first: boolean): P;
  /** Read once, after the last page is written: a writer whose end says what it wrote (a count, a last id) makes it a getter. */
  readonly tail: string;
}

/**
 * The writer of an export in the format named (reference/ods-v1.md §2.8). A JSONP name wraps its
 * JSON format: `/**\/callback(` … `);`, served as a script that may not be sniffed (SPEC §3).
 */
export function streamWriter(formatName: string, callback: string | undefined, ctx: FormatContext): ExportWriter {
  const { format, frame } = formatOf(formatName, callback);
  return framed(format, frame, ctx, format.stream(ctx));
}

/**
 * The field that keeps records written as the format named writes them (its ODS JSON, its GeoJSON
 * feature, its CSV line), so that they can be sent from their bytes (writtenWriter); none for a format that writes them otherwise.
 */
export const writtenFieldOf = (formatName: string, callback: string | undefined): WrittenField | undefined => formatOf(formatName, callback).format.written?.field;

/** streamWriter's writer, for records kept written (a format with a writtenFieldOf): the same bytes. */
export function writtenWriter(formatName: string, callback: string | undefined, ctx: FormatContext): ExportWriter<WrittenRecord, Uint8Array> {
  const { format, frame } = formatOf(formatName, callback);
  if (!format.written) throw new Error(`record format ${formatName} does not write records kept written`);
  return framed(format, frame, ctx, format.written.stream(ctx));
}

/** The record format named, and the JSONP frame around it when a JSON format is asked for as `…p` with a callback. */
function formatOf(formatName: string, callback: string | undefined): { format: RecordFormat; frame?: JsonpFrame } {
  const wrapped = callback !== undefined && isJsonpFormat(formatName) && RECORD_STREAM_FORMATS.get(formatName.slice(0, -JSONP_SUFFIX.length))?.json === true;
  const format = RECORD_STREAM_FORMATS.get(wrapped ? formatName.slice(0, -JSONP_SUFFIX.length) : formatName);
  if (!format) throw new Error(`no record format ${formatName}`);
  return { format, ...(wrapped ? { frame: jsonpFrame(callback) } : {}) };
}

function framed<T, P extends BodyPart>(format: RecordFormat, frame: JsonpFrame | undefined, ctx: FormatContext, stream: { head: string; page(records: readonly T[], first: boolean): P; tail: string }): ExportWriter<T, P> {
  return {
    contentType: frame?.contentType ?? format.contentType,
    headers: frame?.headers ?? format.headers(ctx),
    head: `${frame?.head ?? ''}${stream.head}`,
    page: stream.page,
    tail: `${stream.tail}${frame?.tail ?? ''}`,
  };
}
