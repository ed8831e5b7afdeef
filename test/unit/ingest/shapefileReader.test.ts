import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceUnreadable } from '../../../src/errors/sourceUnreadable';
import { readShapefile } from '../../../src/ingest/readers/shapefileReader';
import { gdalWgs84Features, gisTempDir, maxCoordinateDifference, ogr2ogr } from '../../support/gdal';
import { DEPARTEMENTS, GARES_CSV, makeShapefileZips, rawFeaturesOf, REGIONS } from '../../support/gisFixtures';
import { rawCsvObjects } from '../../support/rawFixtures';
import { readAll, readFailure } from '../../support/readAll';

const dir = gisTempDir('shp');
let zips: Awaited<ReturnType<typeof makeShapefileZips>>;

beforeAll(async () => {
  zips = await makeShapefileZips(dir);
});

describe('zipped Shapefiles made by ogr2ogr', () => {
  test('départements in Lambert-93 (ISO-8859-1 .dbf, no .cpg): every feature, its accented names, its geometry within 1e-7° of GDAL’s reprojection', async () => {
    const { rows, problems } = await readAll(readShapefile(zips.departements));
    const raw = rawFeaturesOf(DEPARTEMENTS);
    const theirs = await gdalWgs84Features(zips.departements);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.position)).toEqual(raw.map((_f, i) => i + 1));
    expect(rows.map((r) => r.values)).toEqual(raw.map((f) => f.properties));
    expect(rows.map((r) => r.values.nom)).toContain('Ardèche');
    expect(Math.max(...rows.map((r, i) => maxCoordinateDifference(r.geometry, theirs[i].geometry)))).toBeLessThan(1e-7);
  });

  test('the stations in CC49 with UTF-8 text (a .cpg): the CSV’s values under their 10-letter DBF names, positions within 1e-7°', async () => {
    const { rows } = await readAll(readShapefile(zips.gares));
    const theirs = await gdalWgs84Features(zips.gares);
    const raw = rawCsvObjects('liste-des-gares.csv');
    expect(rows.length).toBe(raw.length);
    // DBF names have 10 letters at most; the coordinate columns GDAL built the points from are reals (N fields).
    const expected = raw.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k.slice(0, 10), v === '' ? null : /_wgs84$/.test(k) ? Number(v) : v])));
    const near = (a: unknown, b: unknown): boolean => (typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-12 : a === b);
    const mismatches = rows.flatMap((r, i) => Object.keys(expected[i]).filter((k) => !near(r.values[k], expected[i][k])).map((k) => [i, k, r.values[k], expected[i][k]]));
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(rows.map((r) => Object.keys(r.values).sort())).toEqual(expected.map((e) => Object.keys(e).sort()));
    expect(rows.some((r) => r.values.libelle === 'Épinay-sur-Seine')).toBe(true);
    expect(Math.max(...rows.map((r, i) => maxCoordinateDifference(r.geometry ?? null, theirs[i].geometry)))).toBeLessThan(1e-7);
  });

  test('a zip of two Shapefiles: each by `layer`; both, one after the other, each row naming its layer, when none is named', async () => {
    const regions = await readAll(readShapefile(zips.two, { layer: 'regions' }));
    expect(regions.rows.map((r) => r.values)).toEqual(rawFeaturesOf(REGIONS).map((f) => f.properties));
    const both = await readAll(readShapefile(zips.two));
    const counts = [rawFeaturesOf(DEPARTEMENTS).length, rawFeaturesOf(REGIONS).length];
    expect(both.rows.map((r) => r.values.layer)).toEqual([...Array(counts[0]).fill('departements'), ...Array(counts[1]).fill('regions')]);
    expect(both.rows.map((r) => r.position)).toEqual(both.rows.map((_r, i) => i + 1));
    const err = await readFailure(readShapefile(zips.two, { layer: 'communes' }));
    expect(err.message).toBe('two.shp.zip has no layer "communes"; its layers: "departements", "regions"');
  });
});

describe('what cannot be read', () => {
  let noprj: string;
  beforeAll(async () => {
    noprj = join(dir, 'noprj.shp.zip');
    await ogr2ogr('-f', 'ESRI Shapefile', '-oo', 'X_POSSIBLE_NAMES=x_l93', '-oo', 'Y_POSSIBLE_NAMES=y_l93', '-nln', 'gares', noprj, GARES_CSV);
  });

  test('a Shapefile without .prj and no crs is refused; with crs it is read', async () => {
    const err = await readFailure(readShapefile(noprj));
    expect(err).toBeInstanceOf(SourceUnreadable);
    expect([err.status, err.message]).toEqual([422,
      'noprj.shp.zip: the Shapefile "gares" has no .prj, so its coordinate system is unknown; give it as source.crs (for example "EPSG:2154")']);
    const { rows } = await readAll(readShapefile(noprj, { crs: 'EPSG:2154' }));
    const located = rows.filter((r) => r.geometry !== undefined);
    const worst = Math.max(...located.map((r) => {
      const [lon, lat] = (r.geometry as { coordinates: number[] }).coordinates;
      return Math.max(Math.abs(lon - Number(r.values.x_wgs84)), Math.abs(lat - Number(r.values.y_wgs84)));
    }));
    expect(located.length).toBeGreaterThan(2500);
    expect(worst).toBeLessThan(1e-6);
  });

  test('a crs that is unknown is refused, naming it', async () => {
    const err = await readFailure(readShapefile(noprj, { crs: 'EPSG:4' }));
    expect(err.message).toMatch(/^unknown CRS EPSG:4: /);
  });

  test('a file that is not a zip, and a zip cut short', async () => {
    const text = join(dir, 'text.zip');
    writeFileSync(text, 'not a zip at all');
    expect((await readFailure(readShapefile(text))).message)
      .toBe('text.zip is not a readable zip file (End of central directory record signature not found. Either not a zip file, or file is truncated.)');
    const cut = join(dir, 'cut.zip');
    const whole = readFileSync(zips.departements);
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const err = await readFailure(readShapefile(cut));
    expect([err.status, err.message]).toEqual([422, expect.stringMatching(/^cut\.zip is not a readable zip file \(/)]);
  });

  test('a zip without a .shp says what it holds', async () => {
    const path = join(dir, 'csv.zip');
    await ogr2ogr('-f', 'CSV', `/vsizip/${path}/stations.csv`, GARES_CSV);
    expect((await readFailure(readShapefile(path))).message).toBe('csv.zip holds no Shapefile (.shp): it has stations.csv');
  });
});
