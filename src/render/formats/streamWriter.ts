import type { RecordHit } from '../../model/searchResult';
import type { FormatContext } from './recordFormat';
import { RECORD_STREAM_FORMATS } from './registry';
import { isJsonpFormat, JSONP_SUFFIX } from '../../model/jsonpFormat';
import { jsonpFrame } from '../jsonp';

/** A streamed body: its content type and headers, what opens it, each page of records (or of other items), and what closes it. */
export interface ExportWriter<T = RecordHit> {
  contentType: string;
  headers: Record<string, string>;
  head: string;
  page(records: readonly T[], first: boolean): string;
  /** Read once, after the last page is written: a writer whose end says what it wrote (a count, a last id) makes it a getter. */
  readonly tail: string;
}

/**
 * The writer of an export in the format named (reference/ods-v1.md §2.8). A JSONP name wraps its
 * JSON format: `/**\/callback(` … `);`, served as a script that may not be sniffed (SPEC §3).
 */
export function streamWriter(formatName: string, callback: string | undefined, ctx: FormatContext): ExportWriter {
  const wrapped = callback !== undefined && isJsonpFormat(formatName) && RECORD_STREAM_FORMATS.get(formatName.slice(0, -JSONP_SUFFIX.length))?.json === true;
  const format = RECORD_STREAM_FORMATS.get(wrapped ? formatName.slice(0, -JSONP_SUFFIX.length) : formatName);
  if (!format) throw new Error(`no record format ${formatName}`);
  const stream = format.stream(ctx);
  const frame = wrapped ? jsonpFrame(callback) : undefined;
  return {
    contentType: frame?.contentType ?? format.contentType,
    headers: frame?.headers ?? format.headers(ctx),
    head: `${frame?.head ?? ''}${stream.head}`,
    page: stream.page,
    tail: `${stream.tail}${frame?.tail ?? ''}`,
  };
}
