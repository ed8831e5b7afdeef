import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import type { Delimiter } from './sniff';
import { CsvRow, PlainCsv } from './plainCsv';

interface ParsedRecord { record: string[]; info: { lines: number } }

/**
 * The rows of a CSV text, in batches: read by PlainCsv as far as the text is regular, then by
 * csv-parse from the text's start again (`texts` is called a second time), past the rows already
 * given, with its rules for what PlainCsv does not read. csv-parse's errors are thrown.
 */
export async function* csvRows(texts: () => AsyncIterable<string>, delimiter: Delimiter): AsyncGenerator<readonly CsvRow[]> {
  const plain = new PlainCsv(delimiter);
  let given = 0;
  for await (const text of texts()) {
    const rows = plain.push(text);
    if (rows === 'irregular') return yield* csvParseRows(texts, delimiter, given);
    given += rows.length;
    if (rows.length > 0) yield rows;
  }
  const rows = plain.end();
  if (rows === 'irregular') return yield* csvParseRows(texts, delimiter, given);
  if (rows.length > 0) yield rows;
}

/**
 * The rows csv-parse reads in the text, the first `skip` left out, in batches. Each row is taken
 * as csv-parse gives it, so that the rows read before a failure are given before it is thrown
 * (an iterator over the parser would drop those still buffered in the stream).
 */
async function* csvParseRows(texts: () => AsyncIterable<string>, delimiter: Delimiter, skip: number): AsyncGenerator<readonly CsvRow[]> {
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false });
  let rows: CsvRow[] = [];
  let seen = 0;
  let failure: { error: unknown } | undefined;
  let ended = false;
  parser.on('data', ({ record, info }: ParsedRecord) => { if (seen++ >= skip) rows.push({ cells: record, lastLine: info.lines }); });
  parser.on('error', (error: unknown) => { failure ??= { error }; });
  parser.on('end', () => { ended = true; });
  const taken = (): CsvRow[] => { const out = rows; rows = []; return out; };
  // The parser's events of a write are all out once the callbacks queued by it have run.
  const settled = (): Promise<void> => nextTurn();
  for await (const text of texts()) {
    parser.write(text);
    await settled();
    if (rows.length > 0) yield taken();
    if (failure) throw failure.error;
  }
  parser.end();
  while (!ended && !failure) await settled();
  if (rows.length > 0) yield taken();
  if (failure) throw failure.error;
}
