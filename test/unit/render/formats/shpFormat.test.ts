import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GeoJsonGeometry } from '../../../../src/geo/geoJsonGeometry';
import type { RecordHit } from '../../../../src/model/searchResult';
import { shpFormat } from '../../../../src/render/formats/shpFormat';
import type { SpoolContext } from '../../../../src/render/formats/spooledFormat';
import type { GisColumn } from '../../../../src/render/gis/gisLayout';
import { readDbf } from '../../../support/dbfRead';
import { plainColumn, shapeHit, shapeLayout, spool, TEST_CRS } from '../../../support/gisSpool';
import { shapefileFeatures } from '../../../support/shapefileFeatures';
import { readShpHeader, readShx } from '../../../support/shpRead';
import { streamBytes } from '../../../support/streamBytes';
import { zipEntries, type ZipEntry } from '../../../support/zipRead';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'shp-format-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

/** An even second: a zip stores times to 2 s. */
const NOW = new Date(2026, 6, 14, 12, 30, 44);
const columns = [plainColumn('nom', 'text', 'Le nom'), plainColumn('population_totale', 'int', 'Population, "totale"'), plainColumn('x', 'double')];
const context = (cols: GisColumn[] = columns): SpoolContext => ({ layout: shapeLayout('ignored layer', cols), crs: TEST_CRS, filename: 'arbres', dir, now: NOW.getTime() });
const pt = (x: number, y: number): GeoJsonGeometry => ({ type: 'Point', coordinates: [x, y] });
const line: GeoJsonGeometry = { type: 'LineString', coordinates: [[0, 0], [3, 4]] };
// RFC 7946 order: outer ring counter-clockwise, hole clockwise.
const polygon: GeoJsonGeometry = { type: 'Polygon', coordinates: [[[10, 10], [20, 10], [20, 20], [10, 20], [10, 10]], [[12, 12], [12, 14], [14, 14], [12, 12]]] };
const multipoint: GeoJsonGeometry = { type: 'MultiPoint', coordinates: [[-1, -2], [5, 6]] };

async function zipOf(pages: RecordHit[][], ctx = context()): Promise<Map<string, ZipEntry>> {
  const { bytes, length } = await spool(shpFormat, ctx, pages);
  expect(length).toBeUndefined();
  return zipEntries(bytes);
}
const bytesOf = (zip: Map<string, ZipEntry>, name: string): Buffer => {
  const e = zip.get(name);
  if (!e) throw new Error(`no ${name} in ${[...zip.keys()].join(', ')}`);
  return e.bytes;
};
const featuresOf = async (zip: Map<string, ZipEntry>, base: string) =>
  (await shapefileFeatures(bytesOf(zip, `${base}.shp`), bytesOf(zip, `${base}.dbf`), bytesOf(zip, `${base}.cpg`).toString('latin1'))).map((f): [unknown, Record<string, unknown> | null] => [f.geometry, f.properties]);

describe('shpFormat', () => {
  test('a zip, needing geometries', () => {
    expect([shpFormat.contentType, shpFormat.extension, shpFormat.needsGeometry]).toEqual(['application/zip', 'shp.zip', true]);
  });

  test('one shape type: <name>.shp, .shx, .dbf, .prj (the ESRI WKT), .cpg (UTF-8) and <name>_fields.csv, dated the export', async () => {
    const zip = await zipOf([[shapeHit('a', { nom: 'Zoé 😀', population_totale: 12, x: 1.5 }, pt(2, 48))], [], [shapeHit('b', { nom: 'b' }, pt(-5, 43.5))]]);
    expect([...zip.keys()]).toEqual(['arbres.shp', 'arbres.shx', 'arbres.dbf', 'arbres.prj', 'arbres.cpg', 'arbres_fields.csv']);
    expect(bytesOf(zip, 'arbres.prj').toString('utf8')).toBe('PROJCS["test esri wkt"]');
    expect(bytesOf(zip, 'arbres.cpg').toString('utf8')).toBe('UTF-8');
    for (const e of zip.values()) expect(e.mtime.getTime()).toBe(NOW.getTime());
    expect(readShpHeader(bytesOf(zip, 'arbres.shp')).shapeType).toBe(1);
    expect(await featuresOf(zip, 'arbres')).toEqual([
      [pt(2, 48), { nom: 'Zoé 😀', population: 12, x: 1.5 }],
      [pt(-5, 43.5), { nom: 'b', population: null, x: null }],
    ]);
  });

  test('the field-name mapping: .dbf name, field, label and type per attribute, as CSV', async () => {
    const zip = await zipOf([[shapeHit('a', {}, pt(0, 0))]]);
    expect(bytesOf(zip, 'arbres_fields.csv').toString('utf8')).toBe(
      'dbf_name,field,label,type\r\nnom,nom,Le nom,text\r\npopulation,population_totale,"Population, ""totale""",int\r\nx,x,x label,double\r\n');
  });

  test('several shape types: one file set each, named <name>_<type>; the first set takes the records without geometry', async () => {
    const zip = await zipOf([
      [shapeHit('a', { nom: 'no shape' }), shapeHit('b', { nom: 'line' }, line), shapeHit('c', { nom: 'point' }, pt(1, 2))],
      [shapeHit('d', { nom: 'polygon' }, polygon), shapeHit('e', { nom: 'line 2' }, { type: 'MultiLineString', coordinates: [[[5, 5], [6, 6]], [[7, 7], [8, 9]]] })],
      [shapeHit('f', { nom: 'multipoint' }, multipoint), shapeHit('g', { nom: 'collection' }, { type: 'GeometryCollection', geometries: [pt(-50, -60)] }), shapeHit('h', { nom: 'empty' }, { type: 'MultiPoint', coordinates: [] })],
    ]);
    const bases = ['arbres_line', 'arbres_point', 'arbres_polygon', 'arbres_multipoint'];
    expect([...zip.keys()]).toEqual([...bases.flatMap((b) => ['shp', 'shx', 'dbf', 'prj', 'cpg'].map((e) => `${b}.${e}`)), 'arbres_fields.csv']);
    expect(bases.map((b) => readShpHeader(bytesOf(zip, `${b}.shp`)).shapeType)).toEqual([3, 1, 5, 8]);
    const none = { population: null, x: null };
    expect(await featuresOf(zip, 'arbres_line')).toEqual([
      [null, { nom: 'no shape', ...none }],
      [line, { nom: 'line', ...none }],
      [{ type: 'MultiLineString', coordinates: [[[5, 5], [6, 6]], [[7, 7], [8, 9]]] }, { nom: 'line 2', ...none }],
      [null, { nom: 'collection', ...none }],
      [null, { nom: 'empty', ...none }],
    ]);
    expect(await featuresOf(zip, 'arbres_point')).toEqual([[pt(1, 2), { nom: 'point', ...none }]]);
    // The shapefile package reads the clockwise ring as the outer one, the other as its hole.
    const [[shape, props]] = await featuresOf(zip, 'arbres_polygon');
    expect(props).toEqual({ nom: 'polygon', ...none });
    expect(shape).toEqual({ type: 'Polygon', coordinates: [[...polygon.coordinates[0]].reverse(), [...polygon.coordinates[1]].reverse()] });
    expect(await featuresOf(zip, 'arbres_multipoint')).toEqual([[multipoint, { nom: 'multipoint', ...none }]]);
    expect(readShpHeader(bytesOf(zip, 'arbres_line.shp')).box).toEqual([0, 0, 8, 9]);
    // A null shape is its type alone (4 bytes), and adds nothing to the box.
    expect(readShx(bytesOf(zip, 'arbres_line.shx')).map((r) => r.length)).toEqual([4, 40 + 8 + 2 * 16, 44 + 8 + 4 * 16, 4, 4]);
  });

  test('records without geometry before the first shape: null shapes of the set the first type then takes', async () => {
    const zip = await zipOf([[shapeHit('a', { nom: 'x' })], [shapeHit('b', { nom: 'y' }, polygon), shapeHit('c', { nom: 'z' }, pt(1, 1))]]);
    expect([...zip.keys()].filter((n) => n.endsWith('.shp'))).toEqual(['arbres_polygon.shp', 'arbres_point.shp']);
    expect((await featuresOf(zip, 'arbres_polygon')).map(([g, p]) => [g === null, p?.nom])).toEqual([[true, 'x'], [false, 'y']]);
  });

  test('no geometry at all, or no record: one set of null shapes (type 0), named after the dataset', async () => {
    const zip = await zipOf([[shapeHit('a', { nom: 'x' }), shapeHit('b', { nom: 'y' })]]);
    expect([...zip.keys()]).toEqual(['arbres.shp', 'arbres.shx', 'arbres.dbf', 'arbres.prj', 'arbres.cpg', 'arbres_fields.csv']);
    expect(readShpHeader(bytesOf(zip, 'arbres.shp'))).toMatchObject({ shapeType: 0, box: [0, 0, 0, 0] });
    expect(await featuresOf(zip, 'arbres')).toEqual([[null, { nom: 'x', population: null, x: null }], [null, { nom: 'y', population: null, x: null }]]);
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'shp-format-'));
    const empty = await zipOf([]);
    expect([...empty.keys()]).toEqual(['arbres.shp', 'arbres.shx', 'arbres.dbf', 'arbres.prj', 'arbres.cpg', 'arbres_fields.csv']);
    expect(readDbf(bytesOf(empty, 'arbres.dbf')).count).toBe(0);
  });

  test('long field names are cut to 10 characters in the .dbf, without collisions', async () => {
    const cols = ['description_a', 'description_b'].map((n) => plainColumn(n, 'text'));
    const zip = await zipOf([[shapeHit('a', { description_a: 'A', description_b: 'B' }, pt(0, 0))]], context(cols));
    expect(readDbf(bytesOf(zip, 'arbres.dbf')).fields.map((f) => f.name)).toEqual(['descriptio', 'descript_1']);
    expect(await featuresOf(zip, 'arbres')).toEqual([[pt(0, 0), { descriptio: 'A', descript_1: 'B' }]]);
  });

  test('an export given up closes its files; closing again, or after finishing, is harmless', async () => {
    const writer = await shpFormat.open(context());
    await writer.page([shapeHit('a', {}, pt(1, 2)), shapeHit('b', {}, line)]);
    await writer.close();
    await writer.close();
    expect(readdirSync(dir).sort()).toEqual(['set0.rows', 'set0.shp', 'set0.shx', 'set1.rows', 'set1.shp', 'set1.shx']);
    // Its files released, a page can no longer be written.
    await expect(writer.page([shapeHit('c', {}, pt(0, 0))])).rejects.toThrow(TypeError);
  });

  test('a spool file gone before the body is read fails the stream', async () => {
    const writer = await shpFormat.open(context());
    await writer.page([shapeHit('a', { nom: 'x' }, pt(1, 2))]);
    const body = await writer.finish();
    rmSync(join(dir, 'set0.dbf'));
    await expect(streamBytes(body.open())).rejects.toThrow(/ENOENT/);
    await writer.close();
  });

  test('the body can be opened twice, each time the whole zip', async () => {
    const writer = await shpFormat.open(context());
    await writer.page([shapeHit('a', { nom: 'x' }, pt(1, 2))]);
    const body = await writer.finish();
    const first = await streamBytes(body.open());
    const second = await streamBytes(body.open());
    expect(second.equals(first)).toBe(true);
    expect([...(await zipEntries(second)).keys()]).toEqual(['arbres.shp', 'arbres.shx', 'arbres.dbf', 'arbres.prj', 'arbres.cpg', 'arbres_fields.csv']);
    await writer.close();
  });
});

describe('shpFormat: records too wide for a .dbf', () => {
  test('finishing refuses with a 422 before any byte of the body exists; the writer still closes (the caller removes its folder)', async () => {
    // 260 text columns of 254 bytes: 1 + 260 × 254 = 66,041 bytes per record, past the 16-bit record length of dBASE III.
    const wide = Array.from({ length: 260 }, (_, i) => plainColumn(`t${i}`, 'text'));
    const writer = await shpFormat.open(context(wide));
    await writer.page([shapeHit('a', Object.fromEntries(wide.map((c) => [c.name, 'x'.repeat(254)])), pt(1, 2))]);
    await expect(writer.finish()).rejects.toMatchObject({ code: 'unprocessable', status: 422, message: expect.stringMatching(/do not fit in a Shapefile/) });
    await expect(writer.close()).resolves.toBeUndefined();
  });
});
