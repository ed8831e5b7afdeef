import fc from 'fast-check';
import { parse } from 'csv-parse';
import { csvRows } from '../../src/ingest/readers/csvRows';
import type { CsvRow } from '../../src/ingest/readers/plainCsv';
import type { Delimiter } from '../../src/ingest/readers/sniff';

/**
 * csvRows reads regular text itself and hands the rest to csv-parse: whatever the text and
 * however it is cut into chunks, the rows, their lines and the failure must be csv-parse's own
 * on the same text with the options the CSV reader has always given it.
 */
async function byCsvParse(chunks: string[], delimiter: Delimiter): Promise<{ rows: CsvRow[]; failed: boolean }> {
  const rows: CsvRow[] = [];
  const parser = parse({ delimiter, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false });
  // Every row as it is read, those before a failure included.
  parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => rows.push({ cells: record, lastLine: info.lines }));
  const failed = await new Promise<boolean>((resolve) => {
    parser.on('error', () => resolve(true));
    parser.on('end', () => resolve(false));
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
  });
  return { rows, failed };
}

async function byCsvRows(chunks: string[], delimiter: Delimiter): Promise<{ rows: CsvRow[]; failed: boolean }> {
  const rows: CsvRow[] = [];
  const texts = async function* (): AsyncGenerator<string> { yield* chunks; };
  try {
    for await (const batch of csvRows(texts, delimiter)) rows.push(...batch);
    return { rows, failed: false };
  } catch {
    return { rows, failed: true };
  }
}

/** Pieces of real and broken CSV: cells, delimiters, quotes where they belong and where they do not, every kind of line break. */
const piece = fc.constantFrom('a', 'Élise', ' ', 'x y', '12,5', ';', ',', '\t', '"', '""', '"q"', '"a;b"', '"deux\nlignes"', '"\r\n"', 'x"y', '\n', '\r\n', '\r', '\u2028', '€');
const text = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));
/** A regular file: quoted or plain cells, one kind of line break. */
const regular = fc.tuple(
  fc.array(fc.array(fc.oneof(fc.constantFrom('', 'a', 'Zoé', '1.5', 'x"y'), fc.string({ maxLength: 8 }).map((s) => `"${s.replaceAll('"', '""')}"`)), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
  fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(),
).map(([rows, newline, last]) => rows.map((cells) => cells.join(';')).join(newline) + (last ? newline : ''));

/** The text cut at the given places, in order. */
const cut = (s: string, at: number[]): string[] => {
  const places = [...new Set(at.map((n) => n % (s.length + 1)))].sort((a, b) => a - b);
  return [0, ...places].map((p, i) => s.slice(p, places[i] ?? s.length)).filter((c) => c !== '');
};

describe('csvRows reads as csv-parse reads', () => {
  test.each([';', ',', '\t'] as Delimiter[])('any text of CSV pieces, cut anywhere (delimiter %j)', async (delimiter) => {
    await fc.assert(fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 6 }), async (s, at) => {
      const chunks = cut(s, at);
      expect(await byCsvRows(chunks, delimiter)).toEqual(await byCsvParse(chunks, delimiter));
    }), { numRuns: 1500 });
  });

  test('regular files, cut anywhere', async () => {
    await fc.assert(fc.asyncProperty(regular, fc.array(fc.nat(), { maxLength: 6 }), async (s, at) => {
      const chunks = cut(s, at);
      expect(await byCsvRows(chunks, ';')).toEqual(await byCsvParse(chunks, ';'));
    }), { numRuns: 1500 });
  });

  test('a file that turns irregular after many regular rows: the rows before are given once, the rest as csv-parse reads it', async () => {
    const head = Array.from({ length: 500 }, (_, i) => `r${i};"v ""${i}"""`).join('\n');
    for (const tail of ['\nbad;"closed"then;x\nlast;row', '\nmixed\r\nbreaks\r\n', '\nopen;"never closed']) {
      const chunks = cut(head + tail, [1000, 5000, 7777]);
      const read = await byCsvRows(chunks, ';');
      expect(read).toEqual(await byCsvParse(chunks, ';'));
      expect(read.rows[499]).toEqual({ cells: ['r499', 'v "499"'], lastLine: 500 });
    }
  });
});
