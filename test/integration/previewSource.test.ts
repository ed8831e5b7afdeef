import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import { previewSource } from '../../src/usecases/previewSource';
import { FIXTURES, rawCsvLines } from '../support/rawFixtures';

/**
 * The preview against an independent reading of the raw files (test/support/rawFixtures.ts): the
 * proposed types and facets from a count of each column's values, the records from the rows
 * themselves. No store is opened: the use case has none to write to.
 */
const dir = mkdtempSync(join(tmpdir(), 'portal-search-preview-'));
const CLOCK = () => new Date('2026-11-21T10:30:00Z');
const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');
/** The record id publish gives a record with no id field: the SHA-1 of its values, keys sorted (recordId.test.ts). */
const recordIdOf = (fields: Record<string, unknown>): string => {
  const canonical = (v: unknown): string => (Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
    : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(v));
  return sha1(canonical(fields));
};

/** What a column's raw values look like, read with plain patterns (the test's own typing of this file). */
function rawKind(values: string[]): 'int' | 'double' | 'date' | 'geo_point_2d' | 'geo_shape' | 'text' {
  const all = (re: RegExp): boolean => values.every((v) => re.test(v));
  if (all(/^-?[1-9]\d*$/)) return 'int';
  if (all(/^-?\d+\.\d+$/)) return 'double';
  if (all(/^\d{4}-\d{2}-\d{2}$/)) return 'date';
  if (all(/^-?\d+\.\d+, ?-?\d+\.\d+$/)) return 'geo_point_2d';
  if (all(/^\{.*"type"/s)) return 'geo_shape';
  return 'text';
}

describe('previewSource on lieux-de-tournage-a-paris.csv (no descriptor)', () => {
  const [header, ...rows] = rawCsvLines('lieux-de-tournage-a-paris.csv');
  const sample = rows.slice(0, 500);
  let preview: Awaited<ReturnType<typeof previewSource>>;
  beforeAll(async () => {
    preview = await previewSource({ source: { path: join(FIXTURES, 'data', 'lieux-de-tournage-a-paris.csv') } }, { baseDir: dir, clock: CLOCK });
  });

  test('one field per column, labelled by its header, reading that column; a valid descriptor', () => {
    const fields = preview.descriptor.fields!;
    expect(fields.map((f) => [f.label, f.source])).toEqual(header.cells.map((c) => [c, { column: c }]));
    expect(preview.columns).toEqual(header.cells);
    expect(preview.descriptor.id).toBe('lieux-de-tournage-a-paris');
    expect(parseDescriptor(preview.descriptor, 'test').fields).toHaveLength(header.cells.length);
  });

  test('types from the raw values; facets where the first 500 rows have few distinct values; numbers and dates sortable', () => {
    const expected = header.cells.map((column, i) => {
      const values = sample.map((r) => r.cells[i].trim()).filter((v) => v !== '');
      const kind = rawKind(values);
      const distinct = new Set(values).size;
      const few = distinct <= 50 && distinct * 2 <= values.length;
      const annotations = kind === 'text' ? (few ? ['facet'] : [])
        : kind === 'int' ? (few ? ['facet', 'sortable'] : ['sortable'])
          : kind === 'double' ? ['sortable'] : kind === 'date' ? ['facet', 'sortable'] : [];
      return [column, kind, annotations];
    });
    expect(preview.descriptor.fields!.map((f) => [f.label, f.type, f.annotations!.map((a) => a.name)])).toEqual(expected);
    // The rule at work on this file: a category is a facet, titles and addresses are not.
    const facets = expected.filter((e) => (e[2] as string[]).includes('facet')).map((e) => e[0]);
    expect(facets).toEqual(expect.arrayContaining(['Type de tournage', 'Date de début']));
    expect(facets).not.toContain('Titre');
    expect(facets).not.toContain('Localisation de la scène');
  });

  test('the first 20 records are the first 20 rows, typed, with the record id publish gives them', () => {
    const fields = preview.descriptor.fields!;
    const expected = rows.slice(0, 20).map(({ cells }) => {
      const values: Record<string, unknown> = {};
      fields.forEach((f, i) => {
        const raw = cells[i].trim();
        if (raw === '') return;
        values[f.name] = f.type === 'int' || f.type === 'double' ? Number(raw)
          : f.type === 'geo_point_2d' ? raw.split(',').map(Number) : f.type === 'geo_shape' ? JSON.parse(raw) : raw;
      });
      const shape = JSON.parse(cells[header.cells.indexOf('geo_shape')]) as { coordinates: number[] };
      return {
        datasetid: 'lieux-de-tournage-a-paris', recordid: recordIdOf(values), fields: values,
        geometry: { type: 'Point', coordinates: shape.coordinates }, record_timestamp: '2026-11-21T10:30:00+00:00',
      };
    });
    expect(preview.records).toEqual(expected);
  });

  test('every row read, none warned, nothing refused', () => {
    expect([preview.rowsRead, preview.rowsWarned, preview.warningCount, preview.unit, preview.wouldBeRefused]).toEqual([rows.length, 0, 0, 'line', null]);
  });
});

describe('previewSource on a GeoJSON file (departements.geojson)', () => {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'geo', 'departements.geojson'), 'utf8')) as {
    features: Array<{ properties: { code: string; nom: string }; geometry: unknown }>;
  };

  test('properties as fields, the geometry as geo_shape, codes with leading zeros as text, the first 20 features as records', async () => {
    const preview = await previewSource({ id: 'deps', source: { path: join(FIXTURES, 'geo', 'departements.geojson') } }, { baseDir: dir, clock: CLOCK });
    expect(preview.descriptor.source).toEqual({ path: join(FIXTURES, 'geo', 'departements.geojson'), format: 'geojson' });
    // Every code and name is different: no facet.
    expect(new Set(raw.features.map((f) => f.properties.code)).size).toBe(raw.features.length);
    expect(preview.descriptor.fields).toEqual([
      { name: 'code', label: 'code', type: 'text', annotations: [], source: { column: 'code' } },
      { name: 'nom', label: 'nom', type: 'text', annotations: [], source: { column: 'nom' } },
      { name: 'geo_shape', label: 'Geometry', type: 'geo_shape', annotations: [], source: { geometry: true } },
    ]);
    expect(preview.records.map((r) => r.fields)).toEqual(raw.features.slice(0, 20).map((f) => ({ ...f.properties, geo_shape: f.geometry })));
    expect([preview.rowsRead, preview.unit, preview.wouldBeRefused]).toEqual([raw.features.length, 'item', null]);
  });
});

describe('previewSource reads the whole file for warnings', () => {
  // 600 rows (beyond the 500-row sample): a category column, a number column, and a latitude and
  // longitude pair. Row k is on line k + 1. Rows 550 and 560 have a bad number, row 570 a latitude
  // out of range, line 581 (row 580) has a cell too many.
  const N = 600;
  const cells = (k: number): string => {
    const n = k === 550 || k === 560 ? `n${k}` : String(k * 10);
    const lat = k === 570 ? '95.5' : (48 + k / 1000).toFixed(3);
    return `${['rouge', 'vert', 'bleu'][k % 3]};${n};${lat};${(2 + k / 1000).toFixed(3)}${k === 580 ? ';extra' : ''}`;
  };
  const csv = `Couleur;Nombre;Latitude;Longitude\n${Array.from({ length: N }, (_, i) => cells(i + 1)).join('\n')}\n`;
  writeFileSync(join(dir, 'broken.csv'), csv, 'utf8');
  const EXPECTED_WARNINGS = [[551, 'nombre'], [561, 'nombre'], [571, 'geo_point_2d'], [581, undefined]];

  test('the proposal: a facet, a point from the pair, and every warning with its line and field', async () => {
    const preview = await previewSource({ source: { path: 'broken.csv' } }, { baseDir: dir, clock: CLOCK });
    expect(preview.descriptor.fields!.map((f) => [f.name, f.type, f.annotations!.map((a) => a.name).join('+'), f.source])).toEqual([
      ['couleur', 'text', 'facet', { column: 'Couleur' }],
      ['nombre', 'int', 'sortable', { column: 'Nombre' }],
      ['latitude', 'double', 'sortable', { column: 'Latitude' }],
      ['longitude', 'double', 'sortable', { column: 'Longitude' }],
      ['geo_point_2d', 'geo_point_2d', '', { latLon: ['Latitude', 'Longitude'] }],
    ]);
    expect(preview.records[0].fields).toEqual({ couleur: 'vert', nombre: 10, latitude: 48.001, longitude: 2.001, geo_point_2d: [48.001, 2.001] });
    expect(preview.records[0].geometry).toEqual({ type: 'Point', coordinates: [2.001, 48.001] });
    expect(preview.warnings.map((w) => [w.position, w.field])).toEqual(EXPECTED_WARNINGS);
    expect(preview.warnings[0].message).toMatch(/n550/);
    // 4 of 600 rows: under the 5 % a publish allows.
    expect([preview.rowsRead, preview.rowsWarned, preview.warningCount, preview.wouldBeRefused]).toEqual([N, 4, 4, null]);
  });

  test('too many warned rows for the allowed share: refused, with publish\'s reason and counts', async () => {
    const preview = await previewSource({ source: { path: 'broken.csv' } }, { baseDir: dir, maxWarningShare: 0.005 });
    expect(preview.wouldBeRefused).toEqual({
      reason: 'too_many_warnings',
      message: 'broken: 4 of 600 lines have warnings (0.7 %), more than the 0.5 % allowed (raise the limit with maxWarningShare in the descriptor or --max-warning-share)',
    });
  });

  test('given fields are used as they are (a dry run): no suggestion, and a column not in the file is named with the closest one', async () => {
    const preview = await previewSource({
      id: 'dry', metadata: { title: 'Dry' }, source: { path: 'broken.csv' },
      fields: [{ name: 'nombre', type: 'double', annotations: [], source: { column: 'Nombre' } }, { name: 'c', annotations: [], source: { column: 'Couleurs' } }],
    }, { baseDir: dir });
    expect(preview.descriptor.fields).toEqual([
      { name: 'nombre', label: 'nombre', type: 'double', annotations: [], source: { column: 'Nombre' } },
      { name: 'c', label: 'c', type: 'text', annotations: [], source: { column: 'Couleurs' } },
    ]);
    expect(preview.records[0].fields).toEqual({ nombre: 10 });
    expect(preview.wouldBeRefused?.reason).toBe('missing_columns');
    expect(preview.wouldBeRefused?.message).toBe('dry: field c: no column "Couleurs" in the file (closest: "Couleur"). The file\'s columns: "Couleur", "Nombre", "Latitude", "Longitude"');
  });
});
