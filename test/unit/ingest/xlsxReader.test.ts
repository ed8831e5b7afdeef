import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceUnreadable } from '../../../src/errors/sourceUnreadable';
import { readXlsx } from '../../../src/ingest/readers/xlsxReader';
import { gisTempDir, ogr2ogr } from '../../support/gdal';
import { FIXTURES, rawCsvObjects } from '../../support/rawFixtures';
import { readAll, readFailure } from '../../support/readAll';

const dir = gisTempDir('xlsx');
const workbook = join(dir, 'paris.xlsx');

beforeAll(async () => {
  // GDAL as the independent writer: types detected from the CSV (integers, dates), text in the shared strings table.
  await ogr2ogr('-f', 'XLSX', '-oo', 'AUTODETECT_TYPE=YES', '-nln', 'chantiers', workbook, join(FIXTURES, 'data', 'chantiers-perturbants.csv'));
  await ogr2ogr('-f', 'XLSX', '-update', '-oo', 'AUTODETECT_TYPE=YES', '-nln', 'velib', workbook, join(FIXTURES, 'data', 'velib-emplacement-des-stations.csv'));
});

/** Our cell against the raw CSV text: a number is the text's number, a date its ISO text, a text itself; an empty cell an empty text. */
function sameAsRaw(ours: unknown, raw: string): boolean {
  if (ours === null) return raw === '';
  if (typeof ours === 'number') return ours === Number(raw);
  return ours === raw;
}

function mismatches(rows: Array<{ values: Record<string, unknown> }>, raw: Array<Record<string, string>>): unknown[] {
  return rows.flatMap((r, i) => Object.keys(raw[i]).filter((k) => !sameAsRaw(r.values[k], raw[i][k])).map((k) => ({ row: i, column: k, ours: r.values[k], raw: raw[i][k] })));
}

describe('an XLSX workbook written by ogr2ogr', () => {
  test('the first sheet: a row per CSV record at its row number, numbers as numbers, dates as ISO dates, text (multi-line too) as it was', async () => {
    const { rows, problems } = await readAll(readXlsx(workbook));
    const raw = rawCsvObjects('chantiers-perturbants.csv');
    expect(problems).toEqual([]);
    expect(rows.length).toBe(raw.length);
    expect(rows.map((r) => r.position)).toEqual(raw.map((_r, i) => i + 2));
    expect(rows.map((r) => Object.keys(r.values))).toEqual(raw.map((r) => Object.keys(r)));
    expect(mismatches(rows, raw)).toEqual([]);
    expect(typeof rows[0].values['Code postal de l\'arrondissement']).toBe('number');
    expect(rows[0].values['Date de début']).toBe(raw[0]['Date de début']);
    expect(rows.some((r) => String(r.values["Détail de l'impact sur la circulation"]).includes('\n'))).toBe(true);
  });

  test('another sheet by its name', async () => {
    const { rows } = await readAll(readXlsx(workbook, { sheet: 'velib' }));
    const raw = rawCsvObjects('velib-emplacement-des-stations.csv');
    expect(rows.length).toBe(raw.length);
    expect(mismatches(rows, raw)).toEqual([]);
  });

  test('a sheet it does not have is refused, listing its sheets', async () => {
    const err = await readFailure(readXlsx(workbook, { sheet: 'Feuil1' }));
    expect(err).toBeInstanceOf(SourceUnreadable);
    expect([err.status, err.message]).toEqual([422, 'paris.xlsx has no sheet "Feuil1"; its sheets: "chantiers", "velib"']);
  });

  test('a file that is not a workbook', async () => {
    const path = join(dir, 'text.xlsx');
    writeFileSync(path, 'Nom;Année\n');
    expect((await readFailure(readXlsx(path))).message).toMatch(/^text\.xlsx is not a readable XLSX workbook \(/);
  });
});
