import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Independent readers of the raw fixture files, written for the tests only: a minimal RFC 4180
 * splitter (no library, no sniffing) and a whole-file JSON parse. Expected values are computed
 * from these, never from the code under test.
 */
export const FIXTURES = join(__dirname, '..', '..', 'fixtures');

export function rawCsvRows(file: string, delimiter = ';'): string[][] {
  return rawCsvLines(file, delimiter).map((r) => r.cells);
}

/** The rows of a CSV file, each with the 1-based line of the file where it starts (quoted cells may span lines). */
export function rawCsvLines(file: string, delimiter = ';'): Array<{ line: number; cells: string[] }> {
  let text = readFileSync(join(FIXTURES, 'data', file), 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: Array<{ line: number; cells: string[] }> = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else {
        cell += c;
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
      }
    } else if (c === '"') quoted = true;
    else if (c === delimiter) { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push({ line: rowStart, cells: row }); row = []; cell = '';
      line++;
      rowStart = line;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push({ line: rowStart, cells: row }); }
  return rows.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''));
}

/** Data rows as objects keyed by the header, each with the line where it starts (CKAN's `_id` of a CSV record). */
export function rawCsvObjectsWithLines(file: string): Array<{ line: number; row: Record<string, string> }> {
  const [header, ...rows] = rawCsvLines(file);
  return rows.map((r) => ({ line: r.line, row: Object.fromEntries(header.cells.map((h, i) => [h, r.cells[i]])) }));
}

/** The columns of lieux-de-tournage-a-paris.csv that its descriptor declares as text (what a bare word searches). */
export const LIEUX_TEXT_COLUMNS = ['Identifiant du lieu', 'Type de tournage', 'Titre', 'Réalisateur', 'Producteur', 'Localisation de la scène', 'Code postal'];

/** Data rows as objects keyed by the header. */
export function rawCsvObjects(file: string): Array<Record<string, string>> {
  const [header, ...rows] = rawCsvRows(file);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

export interface RawFeature { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }

export function rawGeoJsonFeatures(file: string): RawFeature[] {
  const buf = readFileSync(join(FIXTURES, 'data', file));
  const text = (file.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  return (JSON.parse(text) as { features: RawFeature[] }).features;
}
