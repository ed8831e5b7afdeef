import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { emptyValues, type ReaderItem } from '../rawRow';
import { openBytes, peekBytes } from './bytes';
import { decodeText } from './decodeText';
import { Delimiter, sniffDelimiter, sniffEncoding } from './sniff';

export interface CsvOptions {
  delimiter?: Delimiter;
  encoding?: 'utf-8' | 'latin1';
}

interface ParsedRecord { record: string[]; info: { lines: number } }

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
  const parser = Readable.from(decodeText(await openBytes(path), encoding)).pipe(
    parse({ delimiter, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }),
  );
  let header: string[] | undefined;
  let nextLine = 1;
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedRecord>) {
      const position = nextLine;
      nextLine = info.lines + 1;
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
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    yield { kind: 'problem', problem: { position: nextLine, message: `unreadable CSV from here on: ${message}` } };
  }
}
