import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import type { Deps } from '../../src/execute/deps';
import { publishDataset } from '../../src/usecases/publishDataset';
import { openTestDeps } from '../support/testDeps';

let deps: Deps & { close(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'portal-search-'));
beforeAll(async () => { deps = await openTestDeps(); });
afterAll(() => deps.close());

// These files are a few rows with one bad row each: far above the default share of warned rows.
const descriptor = (id: string, file: string, extra: object = {}) => parseDescriptor({
  id, metadata: { title: id, timezone: 'Europe/Paris' }, source: { path: file }, maxWarningShare: 1,
  fields: [
    { name: 'nom', label: 'Nom', type: 'text' },
    { name: 'note', label: 'Note', type: 'text' },
    { name: 'position', label: 'Position', type: 'geo_point_2d' },
    { name: 'quand', label: 'Quand', type: 'datetime' },
  ],
  ...extra,
}, id);

const stored = async (id: string) =>
  (await deps.pool.query<{ fields: Record<string, unknown>; source_line: number }>(
    'SELECT fields, source_line FROM records WHERE dataset_id = $1 ORDER BY source_line', [id],
  )).rows;

describe('files with the quirks of real exports', () => {
  test('UTF-8 BOM, multi-line quoted cells and one bad point: every row published, one warning at its line', async () => {
    const csv = '\ufeffNom;Note;Position;Quand\r\n'
      + 'Élise;"deux\nlignes";48.85, 2.35;2024-03-31T02:30:00\r\n' // line 2 (spans 2-3); 02:30 does not exist in Paris that night
      + 'Zoé;"""citée""; avec ;";48.86,2.36;2024-07-01 12:00\r\n' // line 4
      + 'Hervé;rien;not a point;2024-01-01\r\n' // line 5: bad point
      + '\r\n'
      + 'Anaïs;"trois\nlignes\nici";[48.87, 2.37];\r\n'; // line 7
    writeFileSync(join(dir, 'quirky.csv'), csv, 'utf8');
    const report = await publishDataset(deps, descriptor('quirky-utf8', 'quirky.csv'), { baseDir: dir });
    expect(report.published).toBe(4);
    expect(report.warnings).toEqual([{ position: 5, field: 'position', message: expect.stringContaining('not a point') }]);
    const rows = await stored('quirky-utf8');
    expect(rows.map((r) => r.source_line)).toEqual([2, 4, 5, 7]);
    expect(rows[0].fields).toEqual({ nom: 'Élise', note: 'deux\nlignes', position: [48.85, 2.35], quand: '2024-03-31T01:30:00.000Z' });
    expect(rows[1].fields.note).toBe('"citée"; avec ;');
    expect(rows[1].fields.quand).toBe('2024-07-01T10:00:00.000Z');
    expect(rows[2].fields).toEqual({ nom: 'Hervé', note: 'rien', quand: '2023-12-31T23:00:00.000Z' });
    expect(rows[3].fields.note).toBe('trois\nlignes\nici');
    expect((await deps.es.count({ index: `${deps.indexPrefix}records-quirky-utf8` })).count).toBe(4);
  });

  test('control characters, backslashes and quotes in cells are kept exactly, in PostgreSQL and in the index', async () => {
    const notes = ['a\x1eb\x1e', '\x1e', 'back\\slash "quoted" \\"', 'tab\there\x1fand\x01\u2028end', '{"looks":"like json"}'];
    const csv = `Nom;Note;Position;Quand\n${notes.map((n, i) => `r${i};"${n.replace(/"/g, '""')}";;`).join('\n')}\n`;
    writeFileSync(join(dir, 'controls.csv'), csv, 'utf8');
    const report = await publishDataset(deps, descriptor('quirky-controls', 'controls.csv'), { baseDir: dir });
    expect(report.published).toBe(notes.length);
    expect((await stored('quirky-controls')).map((r) => r.fields.note)).toEqual(notes);
    const { hits } = await deps.es.search<{ fields: { note: string } }>({ index: `${deps.indexPrefix}records-quirky-controls`, size: 10, sort: ['line'] });
    expect(hits.hits.map((h) => h._source!.fields.note)).toEqual(notes);
  });

  test('the geometry column holds each point as GeoJSON, and SQL NULL for a record without one, alone in its file or not', async () => {
    const geometries = async (id: string) => (await deps.pool.query<{ geometry: unknown; none: boolean }>(
      'SELECT geometry, geometry IS NULL AS none FROM records WHERE dataset_id = $1 ORDER BY source_line', [id],
    )).rows;
    writeFileSync(join(dir, 'points.csv'), 'Nom;Note;Position;Quand\na;;48.85,2.35;\nb;;;\nc;;-0.5,179.25;\n', 'utf8');
    await publishDataset(deps, descriptor('quirky-points', 'points.csv'), { baseDir: dir });
    // GeoJSON (RFC 7946) puts longitude first.
    expect(await geometries('quirky-points')).toEqual([
      { geometry: { type: 'Point', coordinates: [2.35, 48.85] }, none: false },
      { geometry: null, none: true },
      { geometry: { type: 'Point', coordinates: [179.25, -0.5] }, none: false },
    ]);
    writeFileSync(join(dir, 'nowhere.csv'), 'Nom;Note;Position;Quand\nseul;;;\n', 'utf8');
    await publishDataset(deps, descriptor('quirky-nowhere', 'nowhere.csv'), { baseDir: dir });
    expect(await geometries('quirky-nowhere')).toEqual([{ geometry: null, none: true }]);
  });

  test('Latin-1 (Windows-1252) with commas: accents, œ and € decoded, delimiter detected', async () => {
    const csv = 'Nom,Note,Position,Quand\n"Cédric, fils",à côté,"45.1,5.2",2020-02-29\nFrançois,ça,45.2 ,\n';
    // 0x9C and 0x80 are œ and € in Windows-1252, the Latin-1 that French spreadsheets write.
    writeFileSync(join(dir, 'latin1.csv'), Buffer.concat([Buffer.from(csv, 'latin1'), Buffer.from([0x43, 0x9c, 0x75, 0x72, 0x2c, 0x80, 0x2c, 0x2c, 0x0a])]));
    const report = await publishDataset(deps, descriptor('quirky-latin1', 'latin1.csv'), { baseDir: dir });
    expect(report.warnings).toEqual([{ position: 3, field: 'position', message: expect.any(String) }]);
    const rows = await stored('quirky-latin1');
    expect(rows.map((r) => r.fields.nom)).toEqual(['Cédric, fils', 'François', 'Cœur']);
    expect(rows[2].fields.note).toBe('€');
    expect(rows[0].fields).toMatchObject({ note: 'à côté', position: [45.1, 5.2], quand: '2020-02-28T23:00:00.000Z' });
  });

  test('UTF-16 with its byte order mark, as spreadsheets save "Unicode text": little- and big-endian, tab-delimited', async () => {
    const text = 'Nom\tNote\tPosition\tQuand\r\nÉlise\tœuvre « 1 » €\t48.85,2.35\t2024-07-01 12:00\r\nZoé\t😀\t\t\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // Big-endian: each UTF-16 code unit's two bytes swapped.
    const be = Buffer.from(le);
    be.swap16();
    writeFileSync(join(dir, 'utf16le.csv'), le);
    writeFileSync(join(dir, 'utf16be.csv'), be);
    for (const [id, file] of [['quirky-utf16le', 'utf16le.csv'], ['quirky-utf16be', 'utf16be.csv']]) {
      const report = await publishDataset(deps, descriptor(id, file), { baseDir: dir });
      expect([report.published, report.warnings]).toEqual([2, []]);
      expect((await stored(id)).map((r) => r.fields)).toEqual([
        { nom: 'Élise', note: 'œuvre « 1 » €', position: [48.85, 2.35], quand: '2024-07-01T10:00:00.000Z' },
        { nom: 'Zoé', note: '😀' },
      ]);
    }
  });

  test('NUL characters (a CSV cell, a GeoJSON property and a geometry member) are removed with a warning each, and the rest is published', async () => {
    writeFileSync(join(dir, 'nul.csv'), 'Nom;Note\nab\u0000c;\u0000\u0000x\nsans;rien\n');
    const csv = await publishDataset(deps, descriptor('quirky-nul-csv', 'nul.csv', { fields: [{ name: 'nom', label: 'Nom', type: 'text' }, { name: 'note', label: 'Note', type: 'text' }] }), { baseDir: dir });
    expect(csv.published).toBe(2);
    expect(csv.warnings).toEqual([
      { position: 2, field: 'nom', message: expect.stringContaining('1 NUL character (U+0000) was removed') },
      { position: 2, field: 'note', message: expect.stringContaining('2 NUL characters (U+0000) were removed') },
    ]);
    expect((await stored('quirky-nul-csv')).map((r) => r.fields)).toEqual([{ nom: 'abc', note: 'x' }, { nom: 'sans', note: 'rien' }]);
    const point = { type: 'Point', coordinates: [2.35, 48.85], origine: 'relev\u0000é' };
    writeFileSync(join(dir, 'nul.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nom: 'N\u0000om' }, geometry: point }] }));
    const geo = await publishDataset(deps, parseDescriptor({
      id: 'quirky-nul-geojson', metadata: { title: 'n' }, source: { path: 'nul.geojson' }, maxWarningShare: 1,
      fields: [{ name: 'nom', label: 'Nom', type: 'text' }, { name: 'geo_shape', label: 'Forme', type: 'geo_shape', source: { geometry: true } }],
    }, 'n'), { baseDir: dir });
    expect(geo.published).toBe(1);
    expect(geo.warnings.map((w) => w.field)).toEqual(['nom', 'geo_shape']);
    expect((await stored('quirky-nul-geojson'))[0].fields).toEqual({ nom: 'Nom', geo_shape: { type: 'Point', coordinates: [2.35, 48.85], origine: 'relevé' } });
    expect((await deps.es.count({ index: `${deps.indexPrefix}records-quirky-nul-geojson` })).count).toBe(1);
  });

  test('a NUL character in a JSON, NDJSON or GeoJSON property name: the column is read under the name without it', async () => {
    const names = { 'n\u0000om': 'a', 'no\u0000te': 'b' };
    writeFileSync(join(dir, 'nul-names.json'), JSON.stringify([names, { nom: 'c', note: 'd' }]));
    writeFileSync(join(dir, 'nul-names.ndjson'), `${JSON.stringify(names)}\n${JSON.stringify({ nom: 'c', note: 'd' })}\n`);
    writeFileSync(join(dir, 'nul-names.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [
      { type: 'Feature', properties: names, geometry: null }, { type: 'Feature', properties: { nom: 'c', note: 'd' }, geometry: null },
    ] }));
    for (const format of ['json', 'ndjson', 'geojson']) {
      const id = `quirky-nul-names-${format}`;
      // Without fields, every column is taken under the name the file gives it.
      const report = await publishDataset(deps, parseDescriptor({ id, metadata: { title: id }, source: { path: `nul-names.${format}` } }, id), { baseDir: dir });
      expect([report.published, report.warnings]).toEqual([2, []]);
      expect((await stored(id)).map((r) => r.fields)).toEqual([{ nom: 'a', note: 'b' }, { nom: 'c', note: 'd' }]);
    }
  });

  test('columns named like what every JavaScript object has (__proto__, constructor, toString) are columns like the others', async () => {
    const fields = [
      { name: 'proto', label: 'p', type: 'text', source: { column: '__proto__' } },
      { name: 'ctor', label: 'c', type: 'text', source: { column: 'constructor' } },
      { name: 'ts', label: 't', type: 'text', source: { column: 'toString' } },
      { name: 'nom', label: 'n', type: 'text' },
    ];
    // In JSON, the second row has none of them: no value there, not what an object inherits.
    writeFileSync(join(dir, 'names.json'), '[{"__proto__": "p1", "constructor": "c1", "toString": "t1", "nom": "a"}, {"nom": "b"}]');
    writeFileSync(join(dir, 'names.csv'), '__proto__;constructor;toString;nom\np1;c1;t1;a\n;;;b\n');
    for (const format of ['json', 'csv']) {
      const id = `quirky-object-names-${format}`;
      const report = await publishDataset(deps, parseDescriptor({ id, metadata: { title: id }, source: { path: `names.${format}` }, fields }, id), { baseDir: dir });
      expect([report.published, report.warnings]).toEqual([2, []]);
      expect((await stored(id)).map((r) => r.fields)).toEqual([{ proto: 'p1', ctor: 'c1', ts: 't1', nom: 'a' }, { nom: 'b' }]);
    }
  });

  test('a ragged row is reported and still published; a descriptor without fields gets inferred types', async () => {
    writeFileSync(join(dir, 'ragged.csv'), 'Code;Nombre;Jour;Taux\n01300;12;2021-05-04;1.5\n75001;7\n');
    const report = await publishDataset(deps, parseDescriptor({ id: 'quirky-ragged', metadata: { title: 'r' }, source: { path: 'ragged.csv' }, maxWarningShare: 1 }, 'r'), { baseDir: dir });
    expect(report.published).toBe(2);
    expect(report.warnings).toEqual([{ position: 3, message: 'expected 4 cells, found 2' }]);
    const { rows } = await deps.pool.query<{ fields: Array<{ name: string; type: string }> }>('SELECT fields FROM datasets WHERE id = $1', ['quirky-ragged']);
    expect(rows[0].fields.map((f) => [f.name, f.type])).toEqual([['code', 'text'], ['nombre', 'int'], ['jour', 'date'], ['taux', 'double']]);
  });

  test('NDJSON and JSON arrays are read item by item; a broken item is a warning', async () => {
    writeFileSync(join(dir, 'items.ndjson'), '{"nom":"a","position":"1,2"}\n\n{"nom":\n{"nom":"c","position":[3,4]}\n');
    const nd = await publishDataset(deps, descriptor('quirky-ndjson', 'items.ndjson'), { baseDir: dir });
    expect(nd.published).toBe(2);
    expect(nd.warnings.map((w) => w.position)).toEqual([3]);
    writeFileSync(join(dir, 'items.json'), '[{"nom":"a"}, {"nom":"b, \\"c\\" ]"}, 42]');
    const js = await publishDataset(deps, descriptor('quirky-json', 'items.json'), { baseDir: dir });
    expect(js.published).toBe(2);
    expect(js.warnings).toEqual([{ position: 3, message: 'not a JSON object' }]);
    expect((await stored('quirky-json')).map((r) => r.fields.nom)).toEqual(['a', 'b, "c" ]']);
  });
});
