import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { gdalWgs84Features, gisTempDir, maxCoordinateDifference, ogr2ogr } from '../../support/gdal';
import { DEPARTEMENTS, GARES_CSV, makeGeoPackage, makeShapefileZips, rawFeaturesOf, REGIONS } from '../../support/gisFixtures';
import { M, upload, uploadAndWait } from '../../support/management';
import { FIXTURES, rawCsvObjects } from '../../support/rawFixtures';
import { openTestDeps } from '../../support/testDeps';

/**
 * The files GIS people have, uploaded through the management API (issue 14): a GeoPackage and a
 * zipped Shapefile that GDAL writes in Lambert-93 in the test setup, and an XLSX; then searched.
 * GDAL's own reprojection back to WGS 84 is the oracle of our coordinates.
 */
let deps: Deps & { close(): Promise<void> };
let app: Express;
let key: string;
const dir = gisTempDir('gis-uploads');
const departements = rawFeaturesOf(DEPARTEMENTS);

beforeAll(async () => {
  deps = await openTestDeps();
  key = (await createApiKey(deps.pool, 'default', 'gis', 'write')).key;
  app = createApp(deps, pino({ level: 'silent' }), { uploads: { dir: gisTempDir('gis-kept'), maxBytes: 64 * 1024 * 1024 } });
}, 120_000);
afterAll(() => deps.close());

const search = (params: Record<string, string | number>) => request(app).get('/api/records/1.0/search').query(params);

test('a GeoPackage layer in Lambert-93 is published; its shapes are GDAL\'s WGS 84 ones within 1e-7°', async () => {
  const gpkg = await makeGeoPackage(dir);
  const job = await uploadAndWait(app, key, gpkg, { id: 'up-departements', layer: 'departements' });
  expect([job.status, job.rows_published, job.rows_warned]).toEqual(['COMPLETED', departements.length, 0]);
  expect((await search({ dataset: 'up-departements', rows: 0 })).body.nhits).toBe(departements.length);
  const found = await search({ dataset: 'up-departements', q: 'Ardèche' });
  const oracle = (await gdalWgs84Features(gpkg, 'departements')).find((f) => f.properties.nom === 'Ardèche')!;
  expect(maxCoordinateDifference(found.body.records[0].fields.geo_shape, oracle.geometry)).toBeLessThan(1e-7);
  const got = await request(app).get(`${M}/datasets/up-departements`).set('Authorization', `Apikey ${key}`);
  expect(got.body.source).toMatchObject({ layer: 'departements', filename: 'france.gpkg' });
});

test('a zipped Shapefile (with its .prj) is published whole', async () => {
  const { departements: zip } = await makeShapefileZips(dir);
  const job = await uploadAndWait(app, key, zip, { id: 'up-departements-shp' });
  expect([job.status, job.rows_published]).toEqual(['COMPLETED', departements.length]);
  const found = await search({ dataset: 'up-departements-shp', q: 'Finistère' });
  const oracle = (await gdalWgs84Features(zip)).find((f) => f.properties.nom === 'Finistère')!;
  expect(maxCoordinateDifference(found.body.records[0].fields.geo_shape, oracle.geometry)).toBeLessThan(1e-7);
});

test('an XLSX workbook (written by GDAL from the CSV) is published row for row', async () => {
  const xlsx = join(dir, 'velib.xlsx');
  await ogr2ogr('-f', 'XLSX', xlsx, join(FIXTURES, 'data', 'velib-emplacement-des-stations.csv'));
  const raw = rawCsvObjects('velib-emplacement-des-stations.csv');
  const job = await uploadAndWait(app, key, xlsx, { id: 'up-velib-xlsx' });
  expect([job.status, job.rows_published]).toEqual(['COMPLETED', raw.length]);
  const page = await search({ dataset: 'up-velib-xlsx', rows: 0, q: '"Toudouze - Clauzel"' });
  expect(page.body.nhits).toBe(raw.filter((r) => r['Nom de la station'] === 'Toudouze - Clauzel').length);
});

test('a GeoPackage published with all its layers: features of one layer', async () => {
  const gpkg = await makeGeoPackage(gisTempDir('gpkg-all'));
  const job = await uploadAndWait(app, key, gpkg, { id: 'up-france' });
  const regions = rawFeaturesOf(REGIONS);
  expect(job.status).toBe('COMPLETED');
  const res = await request(app).get(`${M}/datasets/up-france/features`).query({ layer: 'regions', limit: 100 }).set('Authorization', `Apikey ${key}`);
  expect([res.status, res.body.numberMatched]).toEqual([200, regions.length]);
  expect((res.body.features as Array<{ properties: { nom: string } }>).map((f) => f.properties.nom).sort()).toEqual(regions.map((r) => String(r.properties.nom)).sort());
  const single = await request(app).get(`${M}/datasets/up-departements/features`).query({ layer: 'regions' }).set('Authorization', `Apikey ${key}`);
  expect([single.status, single.body.parameter]).toEqual([400, 'layer']);
});

describe('files that cannot be published: a 422 before any job, with why', () => {
  const refused = async (path: string, fields: Record<string, string>) => {
    const res = await upload(app, key, path, fields);
    return [res.status, res.body.detail as string] as const;
  };

  test('a corrupt zip', async () => {
    const bad = join(dir, 'broken.zip');
    writeFileSync(bad, Buffer.from('PK\u0003\u0004 this is not a zip archive at all'));
    const [status, detail] = await refused(bad, { id: 'up-broken-zip' });
    expect([status, detail]).toEqual([422, expect.stringMatching(/^broken\.zip: /)]);
  });

  test('a Shapefile without .prj and no crs; with crs it publishes', async () => {
    const noprj = join(dir, 'noprj.shp.zip');
    await ogr2ogr('-f', 'ESRI Shapefile', '-oo', 'X_POSSIBLE_NAMES=x_l93', '-oo', 'Y_POSSIBLE_NAMES=y_l93', '-nln', 'gares', noprj, GARES_CSV);
    const [status, detail] = await refused(noprj, { id: 'up-noprj' });
    expect([status, detail]).toEqual([422, expect.stringContaining('has no .prj, so its coordinate system is unknown; give it as source.crs')]);
    const job = await uploadAndWait(app, key, noprj, { id: 'up-noprj', crs: 'EPSG:2154' });
    expect(job.status).toBe('COMPLETED');
  });

  test('an unknown CRS', async () => {
    const { departements: zip } = await makeShapefileZips(dir);
    const res = await upload(app, key, zip, { id: 'up-bad-crs', crs: 'EPSG:99999' });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('EPSG:99999');
  });

  test('a CSV without a header', async () => {
    const headless = join(dir, 'headless.csv');
    writeFileSync(headless, '1;2;2024-05-01\n3;4;2024-05-02\n');
    const [status, detail] = await refused(headless, { id: 'up-headless' });
    expect([status, detail]).toEqual([422, 'headless.csv: the first line ("1", "2", "2024-05-01") looks like data, not a header: a CSV\'s first line names its columns']);
  });

  test('a GeoPackage layer that does not exist', async () => {
    const gpkg = await makeGeoPackage(gisTempDir('gpkg-layer'));
    const [status, detail] = await refused(gpkg, { id: 'up-no-layer', layer: 'communes' });
    expect([status, detail]).toEqual([422, expect.stringContaining('departements')]);
  });
});
