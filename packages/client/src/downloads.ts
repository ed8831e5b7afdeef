import { jsonArrayItems } from './jsonArrayItems';
import type { DownloadQuery } from './queries';
import { searchParams } from './queries';
import type { Fields, OdsRecord } from './recordTypes';
import { ROUTES } from './routes';
import { textChunks } from './textChunks';
import { textLines } from './textLines';
import type { Transport } from './transport';

/** The export formats read back as records. */
export type RecordFormat = 'ndjson' | 'json';

export interface RecordDownloadOptions {
  /** `ndjson` (default: one record a line) or `json` (one array, read item by item). */
  format?: RecordFormat;
  signal?: AbortSignal;
}

export interface CsvDownloadOptions {
  /** `;` by default, as ODS. */
  csv_separator?: ',' | ';' | '\t' | '|';
  /** Field labels rather than names in the header line. */
  use_labels_for_header?: boolean;
  with_bom?: boolean;
  signal?: AbortSignal;
}

/**
 * Every matching record of `/api/records/1.0/download`, one at a time as the server streams them:
 * only the record being read is held, however large the export. The request is made when the
 * iteration starts; a refused one throws a PortalSearchError there, and a stream cut before its end
 * throws rather than ending quietly short.
 */
export async function* downloadRecords<F = Fields>(transport: Transport, query: DownloadQuery, options: RecordDownloadOptions = {}): AsyncGenerator<OdsRecord<F>, void, undefined> {
  const format = options.format ?? 'ndjson';
  const response = await transport.call(ROUTES.recordsDownload, { params: searchParams(query, { format }), accept: format === 'json' ? 'application/json' : 'application/x-ndjson', signal: options.signal });
  const chunks = textChunks(response.body);
  if (format === 'json') {
    for await (const item of jsonArrayItems(chunks)) yield item as OdsRecord<F>;
    return;
  }
  for await (const { line, complete } of textLines(chunks)) {
    if (!complete) throw new SyntaxError('the NDJSON download ended in the middle of a line: it was cut off');
    if (line !== '') yield JSON.parse(line) as OdsRecord<F>;
  }
}

/** The CSV of `/api/records/1.0/download`, as text chunks in the order they arrive (write them to a file or a response as they come). */
export async function* downloadCsv(transport: Transport, query: DownloadQuery, options: CsvDownloadOptions = {}): AsyncGenerator<string, void, undefined> {
  const extra: Record<string, string> = { format: 'csv' };
  if (options.csv_separator !== undefined) extra.csv_separator = options.csv_separator;
  if (options.use_labels_for_header !== undefined) extra.use_labels_for_header = String(options.use_labels_for_header);
  if (options.with_bom !== undefined) extra.with_bom = String(options.with_bom);
  const response = await transport.call(ROUTES.recordsDownload, { params: searchParams(query, extra), accept: 'text/csv', signal: options.signal });
  yield* textChunks(response.body);
}
