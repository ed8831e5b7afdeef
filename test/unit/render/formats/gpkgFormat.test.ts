import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { GeoJsonGeometry } from '../../../../src/geo/geoJsonGeometry';
import { gpkgFormat } from '../../../../src/render/formats/gpkgFormat';
import type { SpoolContext } from '../../../../src/render/formats/spooledFormat';
import type { GisColumn } from '../../../../src/render/gis/gisLayout';
import { readGpkgBlob } from '../../../support/gpkgBlob';
import { openGpkgBytes } from '../../../support/gpkgOpen';
import { plainColumn, shapeHit, shapeLayout, spool, TEST_CRS } from '../../../support/gisSpool';
import { streamBytes } from '../../../support/streamBytes';
import type { RecordHit } from '../../../../src/model/searchResult';

let dir: string;
const opened: Database.Database[] = [];
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gpkg-format-')); });
afterEach(() => { for (const db of opened.splice(0)) db.close(); rmSync(dir, { recursive: true, force: true }); });

const columns = [plainColumn('nom', 'text'), plainColumn('n', 'int'), plainColumn('x', 'double'), plainColumn('jour', 'date'), plainColumn('at', 'datetime')];
const context = (cols: GisColumn[] = columns, layer = 'arbres', into = dir): SpoolContext => ({ layout: shapeLayout(layer, cols), crs: TEST_CRS, filename: 'arbres', dir: into, now: 0 });
const pt = (x: number, y: number): GeoJsonGeometry => ({ type: 'Point', coordinates: [x, y] });

/** The GeoPackage written for `pages`, opened from the bytes of its body. */
async function written(pages: RecordHit[][], ctx = context()): Promise<{ db: Database.Database; bytes: Buffer; length: number | undefined }> {
  const { bytes, length } = await spool(gpkgFormat, ctx, pages);
  const db = openGpkgBytes(bytes, dir, `received-${opened.length}.gpkg`);
  opened.push(db);
  return { db, bytes, length };
}
const contentsOf = (db: Database.Database) => db.prepare('SELECT table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents').all();
const geometryColumnsOf = (db: Database.Database) => db.prepare('SELECT * FROM gpkg_geometry_columns').all();
/** The geometry column's declared SQL type, and the type gpkg_geometry_columns names: GeoPackage 1.3 (requirement 25) wants them the same. */
const geometryTypesOf = (db: Database.Database): [string, string] => {
  const declared = (db.prepare('PRAGMA table_info("arbres")').all() as Array<{ name: string; type: string }>).find((c) => c.name === 'geom')!.type;
  return [declared, db.prepare('SELECT geometry_type_name FROM gpkg_geometry_columns').pluck().get() as string];
};

describe('gpkgFormat', () => {
  test('GeoPackage, not needing geometries', () => {
    expect([gpkgFormat.contentType, gpkgFormat.extension, gpkgFormat.needsGeometry]).toEqual(['application/geopackage+sqlite3', 'gpkg', false]);
  });

  test('a GeoPackage 1.3 file: its application id ("GPKG") and user version, an intact database', async () => {
    const { db, bytes, length } = await written([]);
    expect(db.pragma('application_id', { simple: true })).toBe(Buffer.from('GPKG', 'latin1').readInt32BE(0));
    expect(db.pragma('user_version', { simple: true })).toBe(10300);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    expect(length).toBe(bytes.length);
  });

  test('gpkg_spatial_ref_sys: the two undefined systems the standard requires, and the CRS written', async () => {
    const { db } = await written([]);
    expect(db.prepare('SELECT * FROM gpkg_spatial_ref_sys ORDER BY srs_id').all()).toEqual([
      { srs_name: 'Undefined cartesian SRS', srs_id: -1, organization: 'NONE', organization_coordsys_id: -1, definition: 'undefined', description: 'undefined cartesian coordinate reference system' },
      { srs_name: 'Undefined geographic SRS', srs_id: 0, organization: 'NONE', organization_coordsys_id: 0, definition: 'undefined', description: 'undefined geographic coordinate reference system' },
      { srs_name: 'RGF93 v1 / Lambert-93', srs_id: 2154, organization: 'EPSG', organization_coordsys_id: 2154, definition: 'PROJCS["test wkt"]', description: null },
    ]);
  });

  test('the feature table: fid, geom, then one column per attribute with its GeoPackage type', async () => {
    const { db } = await written([]);
    const info = db.prepare('PRAGMA table_info("arbres")').all() as Array<{ name: string; type: string; notnull: number; pk: number }>;
    expect(info.map((c) => [c.name, c.type, c.notnull, c.pk])).toEqual([
      ['fid', 'INTEGER', 1, 1], ['geom', 'GEOMETRY', 0, 0], ['nom', 'TEXT', 0, 0], ['n', 'INTEGER', 0, 0], ['x', 'DOUBLE', 0, 0], ['jour', 'DATE', 0, 0], ['at', 'DATETIME', 0, 0],
    ]);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'arbres'").pluck().get()).toMatch(/AUTOINCREMENT/);
  });

  test('no record: contents without extent, geometry type GEOMETRY, no z nor m', async () => {
    const { db } = await written([[]]);
    expect(contentsOf(db)).toEqual([{ table_name: 'arbres', data_type: 'features', identifier: 'arbres', description: '', min_x: null, min_y: null, max_x: null, max_y: null, srs_id: 2154 }]);
    expect(geometryColumnsOf(db)).toEqual([{ table_name: 'arbres', column_name: 'geom', geometry_type_name: 'GEOMETRY', srs_id: 2154, z: 0, m: 0 }]);
    expect(db.prepare('SELECT count(*) FROM arbres').pluck().get()).toBe(0);
    // The export's time (the context's now, 0 here) in the form GeoPackage gives (strftime '%Y-%m-%dT%H:%M:%fZ').
    expect(db.prepare('SELECT last_change FROM gpkg_contents').pluck().get()).toBe('1970-01-01T00:00:00.000Z');
  });

  test('points over pages: one row each, in order, the blobs decoded, attributes typed, empty ones NULL', async () => {
    const { db } = await written([
      [shapeHit('a', { nom: 'Zoé 😀', n: 3, x: 1.5, jour: '2024-03-05', at: '2024-03-05T10:00:00.000Z' }, pt(2, 48))],
      [],
      [shapeHit('b', { n: -7 }, pt(-5, 43.5)), shapeHit('c', {}, pt(9.5, 51))],
    ]);
    const rows = db.prepare('SELECT * FROM arbres ORDER BY fid').all() as Array<Record<string, unknown>>;
    expect(rows.map(({ geom, ...rest }) => [readGpkgBlob(geom as Buffer), rest])).toEqual([
      [expect.objectContaining({ srsId: 2154, envelopeKind: 0, geometry: pt(2, 48), trailing: 0 }), { fid: 1, nom: 'Zoé 😀', n: 3, x: 1.5, jour: '2024-03-05', at: '2024-03-05T10:00:00.000Z' }],
      [expect.objectContaining({ srsId: 2154, geometry: pt(-5, 43.5) }), { fid: 2, nom: null, n: -7, x: null, jour: null, at: null }],
      [expect.objectContaining({ srsId: 2154, geometry: pt(9.5, 51) }), { fid: 3, nom: null, n: null, x: null, jour: null, at: null }],
    ]);
    expect(db.prepare('SELECT typeof(n), typeof(x) FROM arbres WHERE fid = 1').raw().get()).toEqual(['integer', 'real']);
    expect(contentsOf(db)[0]).toMatchObject({ min_x: -5, min_y: 43.5, max_x: 9.5, max_y: 51, srs_id: 2154 });
    expect(geometryColumnsOf(db)[0]).toMatchObject({ geometry_type_name: 'POINT', srs_id: 2154 });
    expect(geometryTypesOf(db)).toEqual(['POINT', 'POINT']);
  });

  test('one type across records: its name in capitals; multi-part geometries and holes kept', async () => {
    const a: GeoJsonGeometry = { type: 'MultiPolygon', coordinates: [[[[0, 0], [4, 0], [4, 4], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 1]]]] };
    const b: GeoJsonGeometry = { type: 'MultiPolygon', coordinates: [[[[10, -3], [12, -3], [12, -1], [10, -3]]], [[[20, 5], [21, 5], [21, 6], [20, 5]]]] };
    const { db } = await written([[shapeHit('a', {}, a), shapeHit('b', {}, b)]]);
    const blobs = (db.prepare('SELECT geom FROM arbres ORDER BY fid').pluck().all() as Buffer[]).map(readGpkgBlob);
    expect(blobs.map((x) => [x.geometry, x.envelope])).toEqual([[a, [0, 4, 0, 4]], [b, [10, 21, -3, 6]]]);
    expect(geometryColumnsOf(db)[0]).toMatchObject({ geometry_type_name: 'MULTIPOLYGON' });
    expect(geometryTypesOf(db)).toEqual(['MULTIPOLYGON', 'MULTIPOLYGON']);
    expect(contentsOf(db)[0]).toMatchObject({ min_x: 0, min_y: -3, max_x: 21, max_y: 6 });
  });

  test('other single types by their GeoPackage names', async () => {
    const cases: Array<[GeoJsonGeometry, string]> = [
      [{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 'LINESTRING'],
      [{ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] }, 'MULTILINESTRING'],
      [{ type: 'GeometryCollection', geometries: [pt(1, 1)] }, 'GEOMETRYCOLLECTION'],
    ];
    for (const [g, name] of cases) {
      const { db } = await written([[shapeHit('a', {}, g)]], context(columns, 'arbres', mkdtempSync(join(dir, 'spool-'))));
      expect(geometryColumnsOf(db)[0]).toMatchObject({ geometry_type_name: name });
      expect(geometryTypesOf(db)).toEqual([name, name]);
    }
  });

  test('mixed types: GEOMETRY; records without geometry have a NULL one, left out of the extent', async () => {
    const line: GeoJsonGeometry = { type: 'LineString', coordinates: [[0, 0], [3, 4]] };
    const { db } = await written([[shapeHit('a', { nom: 'x' }), shapeHit('b', {}, pt(1, 1))], [shapeHit('c', {}, line)]]);
    expect(db.prepare('SELECT fid, geom IS NULL FROM arbres ORDER BY fid').raw().all()).toEqual([[1, 1], [2, 0], [3, 0]]);
    expect(geometryTypesOf(db)).toEqual(['GEOMETRY', 'GEOMETRY']);
    expect(contentsOf(db)[0]).toMatchObject({ min_x: 0, min_y: 0, max_x: 3, max_y: 4 });
  });

  test('only records without geometry: GEOMETRY and no extent', async () => {
    const { db } = await written([[shapeHit('a', { nom: 'x' })]]);
    expect(geometryColumnsOf(db)[0]).toMatchObject({ geometry_type_name: 'GEOMETRY' });
    expect(contentsOf(db)[0]).toMatchObject({ min_x: null, max_y: null });
  });

  test('attributes named like the fid or geometry column push them to the next free name', async () => {
    const cols = ['fid', 'geom', 'ogc_fid', 'geometry'].map((n) => plainColumn(n, 'text'));
    const { db } = await written([[shapeHit('a', { fid: 'f', geom: 'g', ogc_fid: 'o', geometry: 'h' }, pt(1, 2))]], context(cols));
    const info = db.prepare('PRAGMA table_info("arbres")').all() as Array<{ name: string; pk: number }>;
    expect(info.map((c) => [c.name, c.pk])).toEqual([['gpkg_fid', 1], ['the_geom', 0], ['fid', 0], ['geom', 0], ['ogc_fid', 0], ['geometry', 0]]);
    expect(db.prepare('SELECT gpkg_fid, fid, geom, ogc_fid, geometry FROM arbres').raw().get()).toEqual([1, 'f', 'g', 'o', 'h']);
    expect(readGpkgBlob(db.prepare('SELECT the_geom FROM arbres').pluck().get() as Buffer).geometry).toEqual(pt(1, 2));
    expect(geometryColumnsOf(db)[0]).toMatchObject({ column_name: 'the_geom' });
  });

  test('when the three usual names are all taken, the fallback name is one no attribute takes', async () => {
    // The fallback is counted from the number of attributes, and counted on while taken.
    const cases: Array<[string[], string, string]> = [
      [['fid', 'ogc_fid', 'gpkg_fid'], 'fid_3', 'geom'],
      [['fid', 'ogc_fid', 'gpkg_fid', 'fid_4'], 'fid_5', 'geom'],
      [['geom', 'geometry', 'the_geom', 'geom_4', 'geom_5'], 'fid', 'geom_6'],
    ];
    for (const [taken, fidName, geomName] of cases) {
      const cols = taken.map((n) => plainColumn(n, 'text'));
      const values = Object.fromEntries(taken.map((n) => [n, `v ${n}`]));
      const { db } = await written([[shapeHit('a', values, pt(1, 2))]], context(cols, 'arbres', mkdtempSync(join(dir, 'spool-'))));
      const names = (db.prepare('PRAGMA table_info("arbres")').all() as Array<{ name: string }>).map((c) => c.name);
      const [fid, geom] = names;
      expect([new Set(names).size, names.slice(2), fid, geom]).toEqual([taken.length + 2, taken, fidName, geomName]);
      expect(db.prepare(`SELECT * FROM arbres`).raw().get()).toEqual([1, expect.any(Buffer), ...taken.map((n) => `v ${n}`)]);
      expect(geometryColumnsOf(db)[0]).toMatchObject({ column_name: geom });
      expect(readGpkgBlob(db.prepare(`SELECT "${geom}" FROM arbres`).pluck().get() as Buffer).geometry).toEqual(pt(1, 2));
    }
  });

  test('a layer name SQLite or the GeoPackage standard keeps for itself (sqlite_…, gpkg_…, any case) is prefixed layer_; its identifier stays', async () => {
    for (const layer of ['gpkg_contents', 'sqlite_stat', 'SQLite_x', 'GPKG_x']) {
      const { db } = await written([[shapeHit('a', { nom: 'x' }, pt(1, 2))]], context(columns, layer, mkdtempSync(join(dir, 'spool-'))));
      const table = `layer_${layer}`;
      expect(db.prepare(`SELECT nom FROM "${table}"`).pluck().get()).toBe('x');
      expect(contentsOf(db)).toEqual([expect.objectContaining({ table_name: table, identifier: layer, data_type: 'features' })]);
      expect(geometryColumnsOf(db)).toEqual([expect.objectContaining({ table_name: table, column_name: 'geom' })]);
    }
    for (const layer of ['arbres_gpkg_x', 'sqlitex']) {
      const { db } = await written([[shapeHit('a', { nom: 'y' }, pt(1, 2))]], context(columns, layer, mkdtempSync(join(dir, 'spool-'))));
      expect(contentsOf(db)).toEqual([expect.objectContaining({ table_name: layer, identifier: layer })]);
    }
  });

  test('a layer name with a double quote is quoted', async () => {
    const { db } = await written([[shapeHit('a', { nom: 'x' }, pt(1, 2))]], context(columns, 'le "jardin"'));
    expect(db.prepare('SELECT nom FROM "le ""jardin"""').pluck().get()).toBe('x');
    expect(contentsOf(db)[0]).toMatchObject({ table_name: 'le "jardin"', identifier: 'le "jardin"' });
  });

  test('the body can be opened twice; closing after finishing, or twice, is harmless', async () => {
    const writer = await gpkgFormat.open(context());
    await writer.page([shapeHit('a', { nom: 'x' }, pt(1, 2))]);
    const body = await writer.finish();
    const first = await streamBytes(body.open());
    const second = await streamBytes(body.open());
    expect(second.equals(first)).toBe(true);
    expect(body.length).toBe(first.length);
    await writer.close();
    await writer.close();
  });

  test('an export given up before finishing closes its database', async () => {
    const writer = await gpkgFormat.open(context());
    await writer.page([shapeHit('a', {}, pt(1, 2))]);
    await writer.close();
    await writer.close();
    await expect(writer.finish()).rejects.toThrow(/not open/);
  });

  test('the database file gone before the body is read fails the stream', async () => {
    const writer = await gpkgFormat.open(context());
    const body = await writer.finish();
    rmSync(join(dir, 'export.gpkg'));
    await expect(streamBytes(body.open())).rejects.toThrow(/ENOENT/);
    await writer.close();
  });
});
