import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import express from 'express';
import type { Deps } from '../../../src/execute/deps';
import { createHttpServer } from '../../../src/http/httpServer';
import { gdalWgs84Features, gisTempDir, maxCoordinateDifference } from '../../support/gdal';
import { ensureFixture } from '../../support/ingestFixture';
import { lieuxPoints, sortedPositions, type LieuPoint } from '../../support/lieuxPoints';
import { rawCsvObjects } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

/**
 * GDAL's OGC API – Features driver (OAPIF, Debian's gdal-bin), unmodified, against the server on
 * a real port: it discovers the collections, copies a whole collection of more than 10,000
 * features through `next` links, pushes `-spat` down as `bbox` and `-where` as a CQL2 text
 * `filter` (GDAL 3.6 finds `filter-lang` in `/ogc/api` and the properties in the queryables). Without GDAL these tests
 * fail saying what to install.
 */
const LIEUX = 'lieux-de-tournage-a-paris';
const run = promisify(execFile);

async function gdal(tool: string, ...args: string[]): Promise<string> {
  try {
    return (await run(tool, args, { timeout: 300_000, maxBuffer: 1 << 26 })).stdout;
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${tool} was not found: install gdal-bin (apt-get install gdal-bin)`);
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.message}`);
  }
}

let deps: Deps & { close(): Promise<void> };
let server: Server;
let root: string;
let raw: LieuPoint[];
/** Every request the server saw, as sent (path and query). */
const seen: string[] = [];

beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  const logged = express();
  logged.use((req, _res, next) => { seen.push(req.originalUrl); next(); });
  logged.use(testApp(deps));
  server = createHttpServer(logged).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  root = `OAPIF:http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc`;
  raw = lieuxPoints();
}, 600000);
afterAll(async () => { server.close(); await deps.close(); });

describe('GDAL OAPIF driver', () => {
  test('ogrinfo -so lists the collections', async () => {
    const out = await gdal('ogrinfo', '-ro', '-so', root);
    expect(out).toMatch(new RegExp(`^\\d+: ${LIEUX}\\b`, 'm'));
  }, 120000);

  test('ogr2ogr copies the whole collection (more than 10,000 features, through next links) with the raw file\'s count and coordinates', async () => {
    expect(raw.length).toBeGreaterThan(10_000);
    const out = join(gisTempDir('ogc'), 'lieux.gpkg');
    const before = seen.length;
    await gdal('ogr2ogr', '-f', 'GPKG', '-oo', 'PAGE_SIZE=2000', out, root, LIEUX);
    const pages = seen.slice(before).filter((u) => u.startsWith(`/ogc/collections/${LIEUX}/items`));
    // Pages past the 10,000th feature were asked for, each by a cursor of a next link.
    expect(pages.filter((u) => u.includes('cursor=')).length).toBeGreaterThanOrEqual(Math.ceil(raw.length / 2000) - 1);
    const features = await gdalWgs84Features(out);
    expect(features.length).toBe(raw.length);
    const got = sortedPositions(features.map((f) => f.geometry!.coordinates as number[]));
    const expected = sortedPositions(raw.map((p) => [p.lon, p.lat]));
    expect(maxCoordinateDifference({ type: 'MultiPoint', coordinates: got }, { type: 'MultiPoint', coordinates: expected })).toBeLessThan(1e-7);
  }, 600000);

  test('ogr2ogr -spat is pushed down to the server as bbox', async () => {
    const box = [2.33, 48.85, 2.36, 48.87];
    const out = join(gisTempDir('ogc'), 'spat.gpkg');
    const before = seen.length;
    await gdal('ogr2ogr', '-f', 'GPKG', '-spat', ...box.map(String), out, root, LIEUX);
    const requests = seen.slice(before).filter((u) => u.startsWith(`/ogc/collections/${LIEUX}/items`));
    const expected = raw.filter((p) => p.lon >= box[0] && p.lon <= box[2] && p.lat >= box[1] && p.lat <= box[3]).length;
    expect((await gdalWgs84Features(out)).length).toBe(expected);
    // GDAL reads one page without a filter to learn the layer's fields; every page it copies asks for the box (10 features a page, GDAL's default limit here).
    const boxOf = (u: string) => new URL(u, 'http://x').searchParams.get('bbox');
    expect(requests.filter((u) => boxOf(u) === null).length).toBeLessThanOrEqual(1);
    const filtered = requests.filter((u) => boxOf(u) !== null);
    expect(filtered.length).toBe(Math.ceil(expected / 10));
    expect(boxOf(filtered[0])!.split(',').map(Number).map((x) => Number(x.toFixed(9)))).toEqual(box);
  }, 600000);

  test('ogr2ogr -where is pushed down to the server as a CQL2 text filter', async () => {
    const out = join(gisTempDir('ogc'), 'where.gpkg');
    const before = seen.length;
    const where = "type_tournage = 'Série Web' AND annee_tournage >= 2022 OR nom_tournage LIKE 'LES %'";
    await gdal('ogr2ogr', '-f', 'GPKG', '-oo', 'PAGE_SIZE=1000', '-where', where, out, root, LIEUX);
    const requests = seen.slice(before).filter((u) => u.startsWith(`/ogc/collections/${LIEUX}/items`)).map((u) => new URL(u, 'http://x').searchParams);
    // GDAL reads one page without a filter to learn the layer's fields; every page it copies carries the whole filter.
    expect(requests.filter((q) => q.get('filter') === null).length).toBeLessThanOrEqual(1);
    const filtered = requests.filter((q) => q.get('filter') !== null);
    expect(filtered.length).toBeGreaterThan(0);
    for (const q of filtered) expect(['cql-text', 'cql2-text']).toContain(q.get('filter-lang'));
    for (const q of filtered) expect(q.get('filter')).toMatch(/type_tournage = 'Série Web'.*annee_tournage >= 2022.*nom_tournage LIKE 'LES %'/);
    const expected = rawCsvObjects('lieux-de-tournage-a-paris.csv')
      .filter((r) => (r['Type de tournage'] === 'Série Web' && Number(r['Année du tournage']) >= 2022) || r.Titre.startsWith('LES ')).length;
    expect(expected).toBeGreaterThan(100);
    expect((await gdalWgs84Features(out)).length).toBe(expected);
  }, 600000);

  test('ogr2ogr -where on a date field is pushed down too', async () => {
    const out = join(gisTempDir('ogc'), 'where-date.gpkg');
    const before = seen.length;
    await gdal('ogr2ogr', '-f', 'GPKG', '-oo', 'PAGE_SIZE=1000', '-where', "date_debut >= '2023-06-01' AND ardt_lieu = '75004'", out, root, LIEUX);
    const filters = seen.slice(before).filter((u) => u.startsWith(`/ogc/collections/${LIEUX}/items`)).map((u) => new URL(u, 'http://x').searchParams.get('filter')).filter((f) => f !== null);
    expect(filters.length).toBeGreaterThan(0);
    for (const f of filters) expect(f).toMatch(/date_debut >= '2023-06-01.*ardt_lieu = '75004'/);
    const expected = rawCsvObjects('lieux-de-tournage-a-paris.csv').filter((r) => r['Date de début'] >= '2023-06-01' && r['Code postal'] === '75004').length;
    expect(expected).toBeGreaterThan(10);
    expect((await gdalWgs84Features(out)).length).toBe(expected);
  }, 600000);
});
