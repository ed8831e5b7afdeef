import { existsSync, readdirSync, watch } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../../src/http/app';
import { createHttpServer } from '../../../src/http/httpServer';
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
  // 260 text columns of 254 characters: 1 + 260 × 254 = 66,041 bytes a .dbf record, past dBASE III's 16-bit record length.
  await publishTinyCsv(deps, 'gis-wide', [...Array.from({ length: 260 }, (_, i) => ({ name: `t${i}`, type: 'text' })), { name: 'geo_shape', type: 'geo_shape' }],
    [[...Array.from({ length: 260 }, (_, i) => `${i}`.padEnd(254, 'x')), '{"type": "Point", "coordinates": [2.5, 48.5]}']]);
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
    // A zip: one file set, its .cpg saying UTF-8, and the field-name mapping.
    const zip = format === 'shp' ? [(await zipNames(res.path)).sort(), await zipEntry(res.path, `${LIEUX}.cpg`)] : null;
    expect(zip).toEqual(format === 'shp' ? [[`${LIEUX}.cpg`, `${LIEUX}.dbf`, `${LIEUX}.prj`, `${LIEUX}.shp`, `${LIEUX}.shx`, `${LIEUX}_fields.csv`], 'UTF-8'] : null);
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
    const rawRow = (f: { properties: Record<string, unknown>; geometry: unknown }): string => [f.properties.code, f.properties.nom, f.properties.population, (f.properties.codes_postaux as string[] | undefined)?.join(',') ?? '', ringsKey(f.geometry)].join('|');
    const got = (f: OracleFeature): string => [attr(f, 'code', dbf), attr(f, 'nom', dbf), attr(f, 'population', dbf), attr(f, 'codes_postaux', dbf) ?? '', ringsKey(f.geometry)].join('|');
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

/** The spool folders of exports now in the temporary folder. */
const spoolDirs = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('portal-search-export-')).sort();
const before = spoolDirs();

/**
 * The app over an Elasticsearch client that holds the export before its second page until
 * released, or fails that page, and tells when the export's snapshot is closed.
 */
function heldApp(fail: boolean): { app: Express; secondPage: Promise<void>; release: () => void; pitClosed: Promise<void>; searches: () => number } {
  let searches = 0;
  let reached: () => void = () => undefined;
  const secondPage = new Promise<void>((resolve) => { reached = resolve; });
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let closed: () => void = () => undefined;
  const pitClosed = new Promise<void>((resolve) => { closed = resolve; });
  const es = Object.create(deps.es) as Client;
  es.search = (async (...args: Parameters<Client['search']>) => {
    if (++searches === 2) {
      reached();
      await released;
      if (fail) throw new Error('simulated failure of the second page');
    }
    return deps.es.search(...args);
  }) as Client['search'];
  es.closePointInTime = (async (...args: Parameters<Client['closePointInTime']>) => {
    try { return await deps.es.closePointInTime(...args); } finally { closed(); }
  }) as Client['closePointInTime'];
  return { app: createApp({ ...deps, es }, pino({ level: 'silent' }), { exportPageSize: 500 }), secondPage, release, pitClosed, searches: () => searches };
}

/** Resolves once `path` no longer exists, on the temporary folder's change events (no polling). */
function removed(path: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(tmpdir(), () => { if (!existsSync(path)) { watcher.close(); resolve(); } });
    if (!existsSync(path)) { watcher.close(); resolve(); }
  });
}

describe('failures and clients that leave', () => {
  test.each(FORMATS)('format=%s: Elasticsearch failing mid-spool is a JSON 5xx, not a truncated 200, and the spool folder is gone', async (format) => {
    const held = heldApp(true);
    const pending = request(held.app).get(`/api/records/1.0/download?dataset=${LIEUX}&format=${format}`);
    const answered = pending.then((r) => r);
    await held.secondPage;
    held.release();
    const res = await answered;
    expect([res.status >= 500, res.headers['content-type']]).toEqual([true, expect.stringMatching(/^application\/json/)]);
    expect(res.body).toMatchObject({ error: expect.any(String) });
    expect(spoolDirs()).toEqual(before);
  });

  test('a client that leaves mid-spool: the snapshot is closed and the spool folder removed', async () => {
    const held = heldApp(false);
    const server = createHttpServer(held.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    // The server's side of the connection closing (its own listeners, the response's among them, run first).
    const socketClosed = new Promise<void>((resolve) => server.once('connection', (socket) => socket.once('close', () => resolve())));
    const req = httpGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/records/1.0/download?dataset=${LIEUX}&format=gpkg`, (_res: IncomingMessage) => undefined);
    req.on('error', () => undefined);
    await held.secondPage;
    const [dir] = spoolDirs().filter((d) => !before.includes(d));
    expect(existsSync(join(tmpdir(), dir, 'export.gpkg'))).toBe(true);
    req.destroy();
    await socketClosed;
    held.release();
    await held.pitClosed;
    await removed(join(tmpdir(), dir));
    expect(spoolDirs()).toEqual(before);
    // The export stopped at the page it was reading: far fewer reads than its 30 pages.
    expect(held.searches()).toBeLessThan(Math.ceil(rawCsvObjects('lieux-de-tournage-a-paris.csv').length / 500));
    server.close();
  });
});

test('no spool folder is left once every export is sent', () => {
  expect(spoolDirs()).toEqual(before);
});

describe('geometries of every type, records without one, long field names', () => {
  /** The rows of gis-mixed as written above: name → [description_longue_a, description_longue_b, valeur, jour, geometry]. */
  const MIXED: Record<string, [string, number | null, number | null, string | null, { type: string; coordinates: unknown } | null]> = {
    point: ['a', 1, 1.5, '2024-01-02', { type: 'Point', coordinates: [2.5, 48.5] }],
    ligne: ['b', 2, -2.25, '2024-02-03', { type: 'LineString', coordinates: [[2, 48], [3, 49], [4, 48.5]] }],
    sans: ['c', 3, null, null, null],
    troue: ['d', null, 1e-7, '2024-03-04', { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [2, 4], [4, 4], [4, 2], [2, 2]]] }],
    deux: ['é', 5, 123456.789, '2024-05-06', { type: 'MultiPolygon', coordinates: [[[[20, 20], [21, 20], [21, 21], [20, 20]]], [[[30, 30], [31, 30], [31, 31], [30, 30]]]] }],
  };
  /** A geometry compared by type and rings (lines by their positions). */
  const shape = (g: { type: string; coordinates?: unknown } | null): string => (g === null ? 'null' : /Polygon/.test(g.type) ? `surface ${ringsKey(g)}` : `${g.type} ${JSON.stringify(g.coordinates)}`);

  test.each(FORMATS)('format=%s: each record once, with its values and geometry (null kept), read by GDAL', async (format) => {
    const res = await download(format, 'dataset=gis-mixed');
    expect(res.status).toBe(200);
    const dbf = format === 'shp' ? await shippedMapping(res.path, 'gis-mixed') : undefined;
    const features = await gdalAllFeatures(res.path);
    const got = Object.fromEntries(features.map((f) => [attr(f, 'nom', dbf), [
      attr(f, 'description_longue_a', dbf), attr(f, 'description_longue_b', dbf) ?? null, attr(f, 'valeur', dbf) ?? null,
      attr(f, 'jour', dbf) === null || attr(f, 'jour', dbf) === undefined ? null : String(attr(f, 'jour', dbf)).slice(0, 10).replace(/\//g, '-'), shape(f.geometry),
    ]]));
    expect(got).toEqual(Object.fromEntries(Object.entries(MIXED).map(([k, v]) => [k, [...v.slice(0, 4), shape(v[4])]])));
  }, 120000);

  test('format=shp: one file set per shape type, the record without geometry a null shape in the first; the names cut and numbered', async () => {
    const res = await download('shp', 'dataset=gis-mixed');
    const names = await zipNames(res.path);
    expect(names.filter((n) => n.endsWith('.shp')).sort()).toEqual(['gis-mixed_line.shp', 'gis-mixed_point.shp', 'gis-mixed_polygon.shp']);
    expect(names.filter((n) => n.endsWith('.prj'))).toHaveLength(3);
    const mapping = await shippedMapping(res.path, 'gis-mixed');
    expect(Object.fromEntries(mapping)).toEqual({ nom: 'nom', description_longue_a: 'descriptio', description_longue_b: 'descript_1', valeur: 'valeur', jour: 'jour' });
    const source = gdalSource(res.path);
    const counts = await Promise.all(['gis-mixed_point', 'gis-mixed_line', 'gis-mixed_polygon'].map(async (l) => (await gdalSummary(source, l)).count));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
    // One point, one line, two surfaces, and the null shape in whichever set came first.
    expect(counts.map((n, i) => n - [1, 1, 2][i]).sort()).toEqual([0, 0, 1]);
  }, 120000);

  test('format=shp of a dataset without geometry is a 400 saying so; gpkg and fgb hold its records with no geometry', async () => {
    const shp = await download('shp', 'dataset=gis-none');
    expect(shp.status).toBe(400);
    expect(JSON.parse(shp.text)).toMatchObject({ error: expect.stringMatching(/format=shp needs a dataset with geometries/) });
    for (const format of ['gpkg', 'fgb'] as const) {
      const res = await download(format, 'dataset=gis-none');
      const features = await gdalAllFeatures(res.path);
      expect([format, features.map((f) => [f.properties.nom, f.properties.n, f.geometry]).sort()]).toEqual([format, [['a', 1, null], ['b', 2, null]]]);
    }
  }, 120000);

  test('format=shp of records wider than a .dbf holds is a JSON 422 before any byte of a zip; GeoPackage holds them whole', async () => {
    const shp = await download('shp', 'dataset=gis-wide');
    expect([shp.status, shp.headers['content-type']]).toEqual([422, expect.stringMatching(/^application\/json/)]);
    expect(JSON.parse(shp.text)).toMatchObject({ errorcode: 10036, error: expect.stringMatching(/do not fit in a Shapefile.*GeoPackage/) });
    const gpkg = await download('gpkg', 'dataset=gis-wide');
    const [feature] = await gdalAllFeatures(gpkg.path);
    expect([feature.properties.t0, feature.properties.t259, Object.keys(feature.properties).length]).toEqual(['0'.padEnd(254, 'x'), '259'.padEnd(254, 'x'), 260]);
  }, 120000);

  test('a bad format name is a 400 listing the formats, the GIS ones included', async () => {
    const res = await download('kml', `dataset=${LIEUX}`);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error).toMatch(/csv, json, jsonp, geojson, geojsonp, ndjson, gpkg, shp, fgb/);
  });
});

describe('OGC items in GIS files (f=gpkg, shp, fgb)', () => {
  test.each(FORMATS)('f=%s: a page of items, filtered, as GDAL reads it', async (format) => {
    const res = await saveDownload(app, `/ogc/collections/${LIEUX}/items?f=${format}&limit=300&type_tournage=${encodeURIComponent('Série TV')}`, `items.${EXT[format]}`);
    expect([res.status, res.headers['content-type']]).toEqual([200, TYPES[format]]);
    const dbf = format === 'shp' ? await shippedMapping(res.path, LIEUX) : undefined;
    const features = await gdalAllFeatures(res.path);
    const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv').filter((r) => r['Type de tournage'] === 'Série TV');
    expect(raw.length).toBeGreaterThan(300);
    expect(features).toHaveLength(300);
    const rawKeys = new Set(raw.map((r) => `${r['Identifiant du lieu']}|${(JSON.parse(r.geo_shape) as { coordinates: number[] }).coordinates.map((x) => x.toFixed(9)).join(' ')}`));
    const got = features.map((f) => `${attr(f, 'id_lieu', dbf)}|${(f.geometry!.coordinates as number[]).map((x) => x.toFixed(9)).join(' ')}`);
    expect(got.filter((k) => !rawKeys.has(k))).toEqual([]);
    expect(features.every((f) => attr(f, 'type_tournage', dbf) === 'Série TV')).toBe(true);
  }, 120000);

  test('f=gpkg with crs=EPSG:2154 is a 400 (the files are written in WGS 84); an unknown f is a 400', async () => {
    const crs = await saveDownload(app, `/ogc/collections/${LIEUX}/items?f=gpkg&crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/2154')}`, 'x');
    expect([crs.status, JSON.parse(crs.text)]).toEqual([400, expect.objectContaining({ code: expect.any(String), description: expect.stringMatching(/f=gpkg is written in WGS 84 only/) })]);
    const f = await saveDownload(app, `/ogc/collections/${LIEUX}/items?f=kml`, 'y');
    expect([f.status, JSON.parse(f.text).description]).toEqual([400, expect.stringMatching(/gpkg/)]);
  });
});
