import type { Express } from 'express';
import request from 'supertest';
import { parseDescriptor } from '../../src/catalog/parseDescriptor';
import type { Deps } from '../../src/execute/deps';
import { publishDataset } from '../../src/usecases/publishDataset';
import { gdalWgs84Features, gisTempDir, maxCoordinateDifference, OracleFeature } from '../support/gdal';
import { DEPARTEMENTS, makeGeoPackage, makeShapefileZips, rawFeaturesOf } from '../support/gisFixtures';
import { rawCsvObjects } from '../support/rawFixtures';
import { testApp } from '../support/recordsApp';
import { openTestDeps } from '../support/testDeps';

/**
 * GIS sources end to end: files GDAL writes in Lambert-93 and CC49 are published through
 * publishDataset, then searched through the ODS records API; counts come from the raw fixtures
 * and coordinates are compared with GDAL's own reprojection back to WGS 84.
 */
let deps: Deps & { close(): Promise<void> };
let app: Express;
const dir = gisTempDir('gis-publish');
let gpkg: string;
let garesZip: string;
let departementsOracle: OracleFeature[];
let garesOracle: OracleFeature[];

beforeAll(async () => {
  deps = await openTestDeps();
  app = testApp(deps);
  gpkg = await makeGeoPackage(dir);
  garesZip = (await makeShapefileZips(dir)).gares;
  departementsOracle = await gdalWgs84Features(gpkg, 'departements');
  garesOracle = await gdalWgs84Features(garesZip);
}, 600000);
afterAll(() => deps.close());

const publish = (id: string, source: Record<string, unknown>) =>
  publishDataset(deps, parseDescriptor({ id, metadata: { title: id }, source }, id), { baseDir: dir });

interface SearchBody { nhits: number; records: Array<{ fields: Record<string, unknown>; geometry?: { coordinates: number[] } }> }
async function search(params: Record<string, string | number>): Promise<SearchBody> {
  const res = await request(app).get('/api/records/1.0/search').query(params);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.body as SearchBody;
}

describe('a GeoPackage layer in Lambert-93', () => {
  test('is published whole and searchable; a département’s shape is GDAL’s WGS 84 one within 1e-7°', async () => {
    const id = 'gis-departements-gpkg';
    const raw = rawFeaturesOf(DEPARTEMENTS);
    const report = await publish(id, { path: 'france.gpkg', layer: 'departements' });
    expect([report.published, report.warningCount, report.unit]).toEqual([raw.length, 0, 'item']);
    expect((await search({ dataset: id, rows: 0 })).nhits).toBe(raw.length);
    const found = await search({ dataset: id, q: 'Ardèche' });
    expect(found.records.map((r) => r.fields.nom)).toEqual(['Ardèche']);
    const theirs = departementsOracle.find((f) => f.properties.nom === 'Ardèche')!;
    expect(maxCoordinateDifference(found.records[0].fields.geo_shape, theirs.geometry)).toBeLessThan(1e-7);
  });
});

describe('a zipped Shapefile in CC49', () => {
  test('is published whole and searchable; a station is at GDAL’s WGS 84 position within 1e-7°', async () => {
    const id = 'gis-gares-shp';
    const raw = rawCsvObjects('liste-des-gares.csv');
    const report = await publish(id, { path: 'gares.shp.zip' });
    expect([report.published, report.unit]).toEqual([raw.length, 'item']);
    expect((await search({ dataset: id, rows: 0 })).nhits).toBe(raw.length);
    const found = await search({ dataset: id, q: 'Polisot' });
    expect(found.records.map((r) => r.fields.libelle)).toEqual(['Polisot']);
    const theirs = garesOracle.find((f) => f.properties.libelle === 'Polisot')!;
    expect(maxCoordinateDifference(found.records[0].fields.geo_shape, theirs.geometry)).toBeLessThan(1e-7);
    const [lon, lat] = found.records[0].geometry!.coordinates;
    const published = raw.find((r) => r.libelle === 'Polisot')!;
    expect(Math.max(Math.abs(lon - Number(published.x_wgs84)), Math.abs(lat - Number(published.y_wgs84)))).toBeLessThan(1e-7);
  });

  test('a layer the zip does not have refuses the publish and names the layers', async () => {
    await expect(publish('gis-gares-missing', { path: 'gares.shp.zip', layer: 'stations' }))
      .rejects.toMatchObject({ status: 422, message: 'gares.shp.zip has no layer "stations"; its layers: "gares"' });
  });
});
