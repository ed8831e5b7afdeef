import { basename } from 'node:path';
import { SourceUnreadable } from '../../errors/sourceUnreadable';
import { emptyValues, type ReaderItem } from '../rawRow';
import { cellValue } from './xlsxCell';
import { readSharedStrings } from './xlsxSharedStrings';

export interface XlsxOptions {
  /** The worksheet to read, by its tab name; the first one of the file when absent. */
  sheet?: string;
}

/** The header's names: each cell as text, an empty one named after its column number. */
function headerOf(values: readonly unknown[], strings: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = cellValue(values[i], strings);
    names[i] = v === null || String(v).trim() === '' ? `column_${i}` : String(v).trim();
  }
  return names;
}

const isBlankCell = (v: unknown): boolean => v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Streams one worksheet of an XLSX workbook (exceljs's streaming reader: rows are not held in
 * memory; the shared strings table is, read by `readSharedStrings`): the first row is the header, every later row with a value is a
 * row keyed by header name, its position the row number in the sheet. Cells are read by
 * `cellValue`. A value in a column that has no header cell is reported (and left out).
 *
 * A file that is not an XLSX workbook, and a `sheet` it does not have (the message lists its
 * sheets), are SourceUnreadable.
 */
export async function* readXlsx(path: string, options: XlsxOptions = {}): AsyncGenerator<ReaderItem> {
  const fileName = basename(path);
  let strings: string[];
  try {
    strings = await readSharedStrings(path);
  } catch (err) {
    throw new SourceUnreadable(`${fileName} is not a readable XLSX workbook (${(err as Error).message})`);
  }
  // Loaded on the first XLSX read: exceljs and what it brings (archiver, jszip) are 20 MB of a server's resident memory.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'ignore', styles: 'cache', hyperlinks: 'ignore' });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const sheet of workbook) {
      const name = (sheet as unknown as { name: string }).name;
      seen.push(name);
      if (found || (options.sheet !== undefined && name !== options.sheet)) {
        for await (const row of sheet) void row; // the stream moves on only once a sheet is read through
        continue;
      }
      found = true;
      let header: string[] | undefined;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        if (!header) { header = headerOf(values, strings); continue; }
        const record = emptyValues();
        let blank = true;
        const orphans: number[] = [];
        for (let i = 1; i < Math.max(values.length, header.length); i++) {
          const v = cellValue(values[i], strings);
          if (!isBlankCell(v)) blank = false;
          if (header[i] !== undefined) record[header[i]] = v;
          else if (!isBlankCell(v)) orphans.push(i);
        }
        if (blank) continue;
        if (orphans.length > 0) {
          yield { kind: 'problem', problem: { position: row.number, message: `values in column${orphans.length > 1 ? 's' : ''} ${orphans.join(', ')}, which ${orphans.length > 1 ? 'have' : 'has'} no header cell, were left out` } };
        }
        yield { kind: 'row', row: { position: row.number, values: record } };
      }
    }
  } catch (err) {
    if (err instanceof SourceUnreadable) throw err;
    throw new SourceUnreadable(`${fileName} is not a readable XLSX workbook (${(err as Error).message})`);
  }
  if (!found) {
    throw new SourceUnreadable(options.sheet === undefined ? `${fileName} has no worksheet`
      : `${fileName} has no sheet "${options.sheet}"; its sheets: ${seen.map((s) => `"${s}"`).join(', ')}`);
  }
}
