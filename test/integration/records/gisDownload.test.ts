import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Express } from 'express';
import type { Deps } from '../../../src/execute/deps';
import { maxCoordinateDifference, type OracleFeature } from '../../support/gdal';
import { gdalAllFeatures, gdalLayers, gdalSource, gdalSummary, saveDownload, zipEntry, zipNames } from '../../support/gisDownloads';
import { ensureFixture } from '../../support/ingestFixture';
import { rawCsvObjects, rawGeoJsonFeatures } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

/**
 * The GIS export formats (GeoPackage, zipped Shapefile, FlatGeobuf) downloaded over HTTP and
 * read back by GDAL, compared with the raw fixture files read by the tests' own readers.
 */
const LIEUX = 'lieux-de-tournage-a-paris';
const COMMUNES = 'communes-france';
const FORMATS = ['gpkg', 'shp', 'fgb'] as const;
type Format = (typeof FORMATS)[number];
const EXT: Record<Format, string> = { gpkg: 'gpkg', shp: 'shp.zip', fgb: 'fgb' };
const TYPES: Record<Format, string> = { gpkg: 'application/geopackage+sqlite3', shp: 'application/zip', fgb: 'application/flatgeobuf' };

let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  await ensureFixture(deps, COMMUNES);
  await publishTinyCsv(deps, 'gis-mixed', [
    { name: 'nom', type: 'text' }, { name: 'description_longue_a', type: 'text' }, { name: 'description_longue_b', type: 'int' },
    { name: 'valeur', type: 'double' }, { name: 'jour', type: 'date' }, { name: 'geo_shape', type: 'geo_shape' },
  ], [
    ['point', 'a', '1', '1.5', '2024-01-02', '{"type": "Point", "coordinates": [2.5, 48.5]}'],
    ['ligne', 'b', '2', '-2.25', '2024-02-03', '{"type": "LineString", "coordinates": [[2, 48], [3, 49], [4, 48.5]]}'],
    ['sans', 'c', '3', '', '', ''],
    ['troue', 'd', '', '1e-7', '2024-03-04', '{"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]]}'],
    ['deux', 'é', '5', '123456.789', '2024-05-06', '{"type": "MultiPolygon", "coordinates": [[[[20, 20], [21, 20], [21, 21], [20, 20]]], [[[30, 30], [31, 30], [31, 31], [30, 30]]]]}'],
  ]);
  await publishTinyCsv(deps, 'gis-none', [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }], [['a', '1'], ['b', '2']]);
  app = testApp(deps, 700);
}, 900000);
afterAll(() => deps.close());

const download = (format: string, query: string) => saveDownload(app, `/api/records/1.0/download?format=${format}&${query}`, `export.${EXT[format as Format] ?? 'bin'}`);

/** The attribute a feature read by GDAL holds for a field: under its .dbf name in a Shapefile (read from the mapping the zip ships). */
const attr = (f: OracleFeature, name: string, dbf?: Map<string, string>): unknown => f.properties[dbf?.get(name) ?? name];

/** The mapping field → .dbf name a zip ships, checked: names of 10 characters at most, no two alike. */
async function shippedMapping(zip: string, base: string): Promise<Map<string, string>> {
  const lines = (await zipEntry(zip, `${base}_fields.csv`)).trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const mapping = new Map(lines.map(([dbf, field]) => [field, dbf]));
  const names = [...mapping.values()];
  expect(names.every((n) => n.length <= 10)).toBe(true);
  expect(new Set(names).size).toBe(names.length);
  return mapping;
}

describe.each(FORMATS)('format=%s', (format) => {
  test('lieux de tournage (points): every raw row, its attributes and its point, as GDAL reads the file', async () => {
    const res = await download(format, `dataset=${LIEUX}`);
    expect([res.status, res.headers['content-type']]).toEqual([200, TYPES[format]]);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${LIEUX}.${EXT[format]}"`);
    const dbf = format === 'shp' ? await shippedMapping(res.path, LIEUX) : undefined;
    if (format === 'shp') {
      expect((await zipNames(res.path)).sort()).toEqual([`${LIEUX}.cpg`, `${LIEUX}.dbf`, `${LIEUX}.prj`, `${LIEUX}.shp`, `${LIEUX}.shx`, `${LIEUX}_fields.csv`]);
      expect(await zipEntry(res.path, `${LIEUX}.cpg`)).toBe('UTF-8');
    }
    const source = gdalSource(res.path);
    const [layer] = await gdalLayers(source);
    const { info } = await gdalSummary(source, layer);
    // GDAL recognises WGS 84 in each file's own CRS record (.prj, gpkg_spatial_ref_sys, the FlatGeobuf header).
    expect(info).toMatch(/(GEOGCRS|GEOGCS)\["(WGS 84|GCS_WGS_1984)"/);
    const features = await gdalAllFeatures(res.path);
    const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv');
    expect(features).toHaveLength(raw.length);
    const row = (r: Record<string, string>): string => [r['Identifiant du lieu'], r['Année du tournage'], r['Date de début'], Number(r['Coordonnée en X']), r.Titre, r['Code postal']].join('|');
    const got = (f: OracleFeature): string => [attr(f, 'id_lieu', dbf), attr(f, 'annee_tournage', dbf), String(attr(f, 'date_debut', dbf)).slice(0, 10).replace(/\//g, '-'), attr(f, 'coord_x', dbf), attr(f, 'nom_tournage', dbf), attr(f, 'ardt_lieu', dbf)].join('|');
    expect(features.map(got).sort()).toEqual(raw.map(row).sort());
    const points = (ps: number[][]) => ({ type: 'MultiPoint', coordinates: ps.sort((a, b) => a[0] - b[0] || a[1] - b[1]) });
    const rawPoints = raw.map((r) => (JSON.parse(r.geo_shape) as { coordinates: number[] }).coordinates);
    expect(features.every((f) => f.geometry?.type === 'Point')).toBe(true);
    expect(maxCoordinateDifference(points(features.map((f) => f.geometry!.coordinates as number[])), points(rawPoints))).toBeLessThan(1e-12);
  }, 300000);

  test('communes (polygons and multipolygons): the whole dataset counted, one département compared ring by ring with the raw file', async () => {
    const all = await download(format, `dataset=${COMMUNES}`);
    expect(all.status).toBe(200);
    const source = gdalSource(all.path);
    const [layer] = await gdalLayers(source);
    const rawAll = rawGeoJsonFeatures('communes-france.geojson.gz');
    expect((await gdalSummary(source, layer)).count).toBe(rawAll.length);
    const res = await download(format, `dataset=${COMMUNES}&refine.departement=29`);
    const dbf = format === 'shp' ? await shippedMapping(res.path, COMMUNES) : undefined;
    const features = await gdalAllFeatures(res.path);
    const raw = rawAll.filter((f) => f.properties.departement === '29');
    expect(features).toHaveLength(raw.length);
    const rawRow = (f: { properties: Record<string, unknown>; geometry: unknown }): string => [f.properties.code, f.properties.nom, f.properties.population, (f.properties.codes_postaux as string[]).join(','), ringsKey(f.geometry)].join('|');
    const got = (f: OracleFeature): string => [attr(f, 'code', dbf), attr(f, 'nom', dbf), attr(f, 'population', dbf), attr(f, 'codes_postaux', dbf), ringsKey(f.geometry)].join('|');
    expect(features.map(got).sort()).toEqual(raw.map(rawRow).sort());
  }, 600000);
});

/** The rings of a polygon or multipolygon, each closed ring rotated to its smallest position and read in its smaller direction, to 1e-9: equal for the same surfaces whatever the ring orientation or Polygon/MultiPolygon wrapping. */
function ringsKey(g: unknown): string {
  const geometry = g as { type: string; coordinates: number[][][] | number[][][][] } | null;
  if (!geometry) return 'null';
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  const ring = (r: number[][]): string => {
    const ps = r.slice(0, -1).map((p) => `${p[0].toFixed(9)} ${p[1].toFixed(9)}`);
    const start = ps.reduce((m, p, i) => (p < ps[m] ? i : m), 0);
    const forward = [...ps.slice(start), ...ps.slice(0, start)];
    const backward = [forward[0], ...forward.slice(1).reverse()];
    const a = forward.join(','), b = backward.join(',');
    return a < b ? a : b;
  };
  return polygons.flat().map(ring).sort().join(';');
}

test('temporary files are gone once each export is sent', () => {
  expect(readdirSync(tmpdir()).filter((n) => n.startsWith('portal-search-export-'))).toEqual([]);
});
