import Database from 'better-sqlite3';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceUnreadable } from '../../../src/errors/sourceUnreadable';
import { readGeoPackage } from '../../../src/ingest/readers/gpkgReader';
import { gdalWgs84Features, gisTempDir, maxCoordinateDifference, ogr2ogr, OracleFeature, positionsOf } from '../../support/gdal';
import { DEPARTEMENTS, GARES_CSV, makeGeoPackage, rawFeaturesOf, REGIONS } from '../../support/gisFixtures';
import { rawCsvObjects } from '../../support/rawFixtures';
import { readAll, readFailure } from '../../support/readAll';

const dir = gisTempDir('gpkg');
let gpkg: string;
const oracle = new Map<string, OracleFeature[]>();

beforeAll(async () => {
  gpkg = await makeGeoPackage(dir);
  for (const layer of ['departements', 'regions', 'gares']) oracle.set(layer, await gdalWgs84Features(gpkg, layer));
});

/** The largest difference between two lists of geometries, position by position (types may differ: GDAL may promote a Polygon). */
const worstPositions = (ours: unknown[], theirs: unknown[]): number => Math.max(...ours.map((g, i) => {
  const a = positionsOf(g);
  const b = positionsOf(theirs[i]);
  if (a.length !== b.length) return Infinity;
  return Math.max(0, ...a.map((p, j) => Math.max(Math.abs(p[0] - b[j][0]), Math.abs(p[1] - b[j][1]))));
}));

describe('a GeoPackage made by ogr2ogr', () => {
  test.each([['departements', DEPARTEMENTS], ['regions', REGIONS]])('%s: every feature in order, its properties, and its geometry within 1e-7° of GDAL’s reprojection and of the raw file', async (layer, raw) => {
    const { rows, problems } = await readAll(readGeoPackage(gpkg, { layer }));
    const features = rawFeaturesOf(raw);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.position)).toEqual(features.map((_f, i) => i + 1));
    expect(rows.map((r) => r.values)).toEqual(features.map((f) => f.properties));
    const theirs = oracle.get(layer)!;
    expect(Math.max(...rows.map((r, i) => maxCoordinateDifference(r.geometry, theirs[i].geometry)))).toBeLessThan(1e-7);
    expect(worstPositions(rows.map((r) => r.geometry), features.map((f) => f.geometry))).toBeLessThan(1e-7);
  });

  test('gares (points in Lambert-93): the CSV’s values, and each station at its x_wgs84/y_wgs84 within 1e-7°', async () => {
    const { rows } = await readAll(readGeoPackage(gpkg, { layer: 'gares' }));
    const raw = rawCsvObjects('liste-des-gares.csv');
    expect(rows.length).toBe(raw.length);
    // GDAL types the coordinate columns it builds the points from as reals (empty: null); the others stay text.
    const real = (v: string): number | null => (v === '' ? null : Number(v));
    expect(rows.map((r) => r.values)).toEqual(raw.map((x) => ({ ...x, x_wgs84: real(x.x_wgs84), y_wgs84: real(x.y_wgs84) })));
    expect(rows.filter((r) => r.geometry === undefined).length).toBe(raw.filter((x) => x.x_wgs84 === '').length);
    const worst = Math.max(...rows.map((r, i) => ({ r, x: raw[i] })).filter(({ r }) => r.geometry !== undefined).map(({ r, x }) => {
      const [lon, lat] = (r.geometry as { coordinates: number[] }).coordinates;
      return Math.max(Math.abs(lon - Number(x.x_wgs84)), Math.abs(lat - Number(x.y_wgs84)));
    }));
    expect(worst).toBeLessThan(1e-7);
    const theirs = oracle.get('gares')!;
    expect(Math.max(...rows.map((r, i) => maxCoordinateDifference(r.geometry, theirs[i].geometry)))).toBeLessThan(1e-7);
  });

  test('with no layer named, every layer in gpkg_contents order: each row names its layer, items numbered across the read', async () => {
    const { rows } = await readAll(readGeoPackage(gpkg));
    const counts = [rawFeaturesOf(DEPARTEMENTS).length, rawFeaturesOf(REGIONS).length, rawCsvObjects('liste-des-gares.csv').length];
    expect(rows.length).toBe(counts[0] + counts[1] + counts[2]);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_r, i) => i + 1));
    const layers = rows.map((r) => r.values.layer);
    expect([layers[0], layers[counts[0]], layers[counts[0] + counts[1]]]).toEqual(['departements', 'regions', 'gares']);
    expect(new Set(layers).size).toBe(3);
    expect(rows[0].values).toEqual({ ...rawFeaturesOf(DEPARTEMENTS)[0].properties, layer: 'departements' });
  });

  test('a layer it does not have is refused, listing the ones it has', async () => {
    const err = await readFailure(readGeoPackage(gpkg, { layer: 'communes' }));
    expect(err).toBeInstanceOf(SourceUnreadable);
    expect([err.status, err.message]).toEqual([422, 'france.gpkg has no layer "communes"; its layers: "departements", "regions", "gares"']);
  });
});

describe('geometry types, Z dropped', () => {
  test('every simple-feature type and a null geometry, as GDAL writes them in WGS 84, read back exactly', async () => {
    type TestGeometry = { type: string; coordinates?: unknown; geometries?: Array<{ type: string; coordinates: unknown }> } | null;
    const geometries: TestGeometry[] = [
      { type: 'Point', coordinates: [2.35, 48.85, 35] },
      { type: 'LineString', coordinates: [[2.1, 48.1, 1], [2.2, 48.2, 2], [2.3, 48.15, 3]] },
      { type: 'Polygon', coordinates: [[[2, 48, 0], [3, 48, 0], [3, 49, 0], [2, 49, 0], [2, 48, 0]], [[2.2, 48.2, 0], [2.2, 48.4, 0], [2.4, 48.4, 0], [2.2, 48.2, 0]]] },
      { type: 'MultiPoint', coordinates: [[1, 45, 5], [1.5, 45.5, 6]] },
      { type: 'MultiLineString', coordinates: [[[0, 44, 1], [1, 44, 1]], [[0, 44.5, 1], [1, 44.5, 1]]] },
      { type: 'MultiPolygon', coordinates: [[[[5, 43, 9], [6, 43, 9], [6, 44, 9], [5, 43, 9]]], [[[7, 43, 9], [8, 43, 9], [8, 44, 9], [7, 43, 9]]]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [4, 46, 1] }, { type: 'LineString', coordinates: [[4, 46, 1], [4.5, 46.5, 1]] }] },
      null,
    ];
    const source = join(dir, 'types.geojson');
    writeFileSync(source, JSON.stringify({ type: 'FeatureCollection', features: geometries.map((geometry, i) => ({ type: 'Feature', properties: { n: i }, geometry })) }));
    const out = join(dir, 'types.gpkg');
    await ogr2ogr('-f', 'GPKG', '-nlt', 'GEOMETRYZ', '-a_srs', 'EPSG:4326', '-nln', 'types', out, source);
    const { rows } = await readAll(readGeoPackage(out));
    const flat = (c: unknown): unknown => (Array.isArray(c) && typeof c[0] === 'number' ? c.slice(0, 2) : Array.isArray(c) ? c.map(flat) : c);
    const drop = (g: TestGeometry): unknown => (g === null ? undefined : g.geometries
      ? { type: g.type, geometries: g.geometries.map((x) => ({ type: x.type, coordinates: flat(x.coordinates) })) }
      : { type: g.type, coordinates: flat(g.coordinates) });
    expect(rows.map((r) => [r.values.n, r.geometry])).toEqual(geometries.map((g, i) => [i, drop(g)]));
  });
});

describe('the coordinate system', () => {
  let nosrs: string;
  beforeAll(async () => {
    nosrs = join(dir, 'nosrs.gpkg');
    await ogr2ogr('-f', 'GPKG', '-oo', 'X_POSSIBLE_NAMES=x_l93', '-oo', 'Y_POSSIBLE_NAMES=y_l93', '-nln', 'gares', nosrs, GARES_CSV);
  });

  test('an undefined srs needs source.crs: refused without, read with (stations at their published WGS 84 within 1e-6°)', async () => {
    const err = await readFailure(readGeoPackage(nosrs));
    expect(err.message).toMatch(/^nosrs\.gpkg: layer "gares" has an undefined coordinate system \(srs_id -?\d\); give it as source\.crs \(for example "EPSG:2154"\)$/);
    const { rows } = await readAll(readGeoPackage(nosrs, { crs: 'EPSG:2154' }));
    const raw = rawCsvObjects('liste-des-gares.csv');
    const located = rows.map((r, i) => ({ r, raw: raw[i] })).filter(({ r }) => r.geometry !== undefined);
    expect(located.length).toBe(raw.filter((x) => x.x_l93 !== '').length);
    const worst = Math.max(...located.map(({ r, raw: x }) => {
      const [lon, lat] = (r.geometry as { coordinates: number[] }).coordinates;
      return Math.max(Math.abs(lon - Number(x.x_wgs84)), Math.abs(lat - Number(x.y_wgs84)));
    }));
    expect(worst).toBeLessThan(1e-6);
  });

  test('an unknown crs is refused, naming it', async () => {
    const err = await readFailure(readGeoPackage(nosrs, { crs: 'EPSG:31467' }));
    expect(err.message).toMatch(/^unknown CRS EPSG:31467: this server bundles /);
  });
});

describe('a file that is not a GeoPackage', () => {
  test('a text file', async () => {
    const path = join(dir, 'text.gpkg');
    writeFileSync(path, 'code;nom\n01;Ain\n');
    const err = await readFailure(readGeoPackage(path));
    expect([err.status, err.message]).toEqual([422, 'text.gpkg is not a GeoPackage (file is not a database)']);
  });

  test('a GeoPackage whose gpkg_contents names a table it does not have', async () => {
    const path = join(dir, 'broken.gpkg');
    copyFileSync(gpkg, path);
    const db = new Database(path);
    db.exec('DROP TABLE regions');
    db.close();
    const err = await readFailure(readGeoPackage(path, { layer: 'regions' }));
    expect([err.status, err.message]).toEqual([422, 'broken.gpkg is not a readable GeoPackage (no such table: regions)']);
  });

  test('an SQLite database without gpkg_contents', async () => {
    const path = join(dir, 'plain.sqlite');
    await ogr2ogr('-f', 'SQLite', path, DEPARTEMENTS);
    const err = await readFailure(readGeoPackage(path));
    expect(err.message).toBe('plain.sqlite is an SQLite database but not a GeoPackage (it has no gpkg_contents table)');
  });
});
