import { emptyValues, type ReaderItem } from '../rawRow';
import { openBytes, peekBytes } from './bytes';
import { csvRows } from './csvRows';
import { decodeText } from './decodeText';
import { Delimiter, sniffDelimiter, sniffEncoding } from './sniff';

export interface CsvOptions {
  delimiter?: Delimiter;
  encoding?: 'utf-8' | 'latin1';
}

/**
 * Streams a CSV file as rows keyed by header name: delimiter (`;`, `,`, tab) and encoding
 * (UTF-8 with or without BOM, UTF-16 with its BOM, or Latin-1) are detected unless given; quoted cells may span
 * lines; positions are the 1-based line where each row starts. A row with too few or too many
 * cells is still read (missing cells are empty) and reported.
 */
export async function* readCsv(path: string, options: CsvOptions = {}): AsyncGenerator<ReaderItem> {
  const sample = await peekBytes(path);
  const encoding = options.encoding ?? sniffEncoding(sample).encoding;
  const sampleText = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : encoding).decode(sample).replace(/^\ufeff/, '');
  const delimiter = options.delimiter ?? sniffDelimiter(sampleText);
  // Opened here, so that a file that cannot be opened throws as before; read again only by csv-parse's rules (csvRows).
  let first: Awaited<ReturnType<typeof openBytes>> | undefined = await openBytes(path);
  const texts = async function* (): AsyncGenerator<string> {
    const bytes = first ?? await openBytes(path);
    first = undefined;
    yield* decodeText(bytes, encoding);
  };
  let header: string[] | undefined;
  let nextLine = 1;
  try {
    for await (const rows of csvRows(texts, delimiter)) {
      for (const { cells: record, lastLine } of rows) {
        const position = nextLine;
        nextLine = lastLine + 1;
        if (record.length === 1 && record[0].trim() === '') continue;
        // A NUL in a column's name would reach the stored schema, which PostgreSQL cannot hold.
        if (!header) { header = record.map((h) => h.replaceAll('\u0000', '').trim()); continue; }
        if (record.length !== header.length) {
          yield { kind: 'problem', problem: { position, message: `expected ${header.length} cells, found ${record.length}` } };
        }
        const values = emptyValues();
        header.forEach((name, i) => { values[name] = record[i] ?? ''; });
        yield { kind: 'row', row: { position, values } };
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    yield { kind: 'problem', problem: { position: nextLine, message: `unreadable CSV from here on: ${message}` } };
  }
}
