import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { upsertDomain } from '../../../src/execute/datasetStore';
import { ensureFixture } from '../../support/ingestFixture';
import { FIXTURES, rawCsvObjects, rawGeoJsonFeatures } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { countBy, expectedLevel, flat, odsSearch, queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

const LIEUX = 'lieux-de-tournage-a-paris';
const COMMUNES = 'communes-france';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of [LIEUX, COMMUNES]) await ensureFixture(deps, id);
  await upsertDomain(deps.pool, { id: 'closed', title: 'Own datasets only', includePublic: false });
  await upsertDomain(deps.pool, { id: 'open', title: 'Every public dataset', includePublic: true });
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

const lieux = rawCsvObjects('lieux-de-tournage-a-paris.csv').map((r) => {
  const [lat, lon] = r.geo_point_2d.split(',').map(Number);
  return { id: r['Identifiant du lieu'], lat, lon, year: Number(r['Année du tournage']), start: r['Date de début'], title: r.Titre };
});
type Lieu = (typeof lieux)[number];
const sorted = (xs: string[]): string[] => [...xs].sort();
const ids = async (params: Record<string, string | number>): Promise<string[]> =>
  sorted((await odsSearch(app, { dataset: LIEUX, rows: 10000, fields: 'id_lieu', ...params })).records.map((r) => String(r.fields.id_lieu)));

/** Metres between two points (haversine on the mean Earth radius, as Elasticsearch's arc distance). */
function metres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.7714 * Math.asin(Math.sqrt(a));
}

/** Ray casting on [lon, lat] rings, and the distance in degrees to the nearest edge. */
function insideRing(ring: number[][], lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function edgeDistance(ring: number[][], lon: number, lat: number): number {
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i], [x2, y2] = ring[i + 1];
    const t = Math.max(0, Math.min(1, ((lon - x1) * (x2 - x1) + (lat - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2 || 1)));
    best = Math.min(best, Math.hypot(lon - (x1 + t * (x2 - x1)), lat - (y1 + t * (y2 - y1))));
  }
  return best;
}

/** Every record clearly inside is returned, none clearly outside; points within the margin may go either way. */
function expectSplit(got: string[], inside: (l: Lieu) => boolean, onEdge: (l: Lieu) => boolean, among: Lieu[] = lieux): void {
  const set = new Set(got);
  const clearlyIn = among.filter((l) => inside(l) && !onEdge(l)).map((l) => l.id);
  const clearlyOut = among.filter((l) => !inside(l) && !onEdge(l)).map((l) => l.id);
  expect(clearlyIn.length).toBeGreaterThan(100);
  expect(clearlyIn.filter((id) => !set.has(id))).toEqual([]);
  expect(clearlyOut.filter((id) => set.has(id)).filter((id) => !clearlyIn.includes(id))).toEqual([]);
}

describe('geofilters', () => {
  test('geofilter.distance (lat,lon,metres)', async () => {
    const got = await ids({ 'geofilter.distance': '48.8566,2.3522,800' });
    const d = (l: Lieu) => metres(48.8566, 2.3522, l.lat, l.lon);
    expectSplit(got, (l) => d(l) <= 800, (l) => Math.abs(d(l) - 800) < 1);
  });

  test('geofilter.polygon with the Paris département (shoots of 2019)', async () => {
    const dep = (JSON.parse(readFileSync(join(FIXTURES, 'geo', 'departements.geojson'), 'utf8')) as { features: Array<{ properties: { code: string }; geometry: { coordinates: number[][][] } }> })
      .features.find((f) => f.properties.code === '75')!;
    const ring = dep.geometry.coordinates[0];
    const polygon = ring.map(([lon, lat]) => `(${lat},${lon})`).join(',');
    const res = await request(app).post('/api/records/1.0/search').type('form').send(queryString({ dataset: LIEUX, rows: 10000, fields: 'id_lieu', 'refine.annee_tournage': 2019, 'geofilter.polygon': polygon }));
    expect(res.status).toBe(200);
    const got = sorted((res.body.records as Array<{ fields: { id_lieu: string } }>).map((r) => r.fields.id_lieu));
    expectSplit(got, (l) => insideRing(ring, l.lon, l.lat), (l) => edgeDistance(ring, l.lon, l.lat) < 1e-5, lieux.filter((l) => l.year === 2019));
    expect(res.body.nhits).toBe(got.length);
  });

  test('geofilter.bbox (south,west,north,east), and one crossing the antimeridian', async () => {
    const got = await ids({ 'geofilter.bbox': '48.85,2.33,48.87,2.36' });
    const edge = (l: Lieu) => [l.lat - 48.85, 48.87 - l.lat, l.lon - 2.33, 2.36 - l.lon].some((x) => Math.abs(x) < 1e-6);
    expectSplit(got, (l) => l.lat >= 48.85 && l.lat <= 48.87 && l.lon >= 2.33 && l.lon <= 2.36, edge);
    // west > east: the box goes east from 2.36 across the antimeridian back to 2.33.
    const wrapped = await ids({ 'geofilter.bbox': '48.85,2.36,48.87,2.33' });
    expectSplit(wrapped, (l) => l.lat >= 48.85 && l.lat <= 48.87 && (l.lon >= 2.36 || l.lon <= 2.33), edge);
  });
});

describe('hierarchical and multivalued facets of communes-france', () => {
  const props = rawGeoJsonFeatures('communes-france.geojson.gz').map((f) => f.properties as { territoire?: string; codes_postaux?: string[] });
  test('territoire: regions, then the départements of a refined region', async () => {
    const top = await odsSearch(app, { dataset: COMMUNES, rows: 0, facet: 'territoire' });
    expect(flat(top.facet_groups![0].facets)).toEqual(expectedLevel(countBy(props, (p) => p.territoire?.split('/')[0])));
    const refined = await odsSearch(app, { dataset: COMMUNES, rows: 0, facet: 'territoire', 'refine.territoire': 'Bretagne' });
    const bretagne = props.filter((p) => p.territoire?.startsWith('Bretagne/'));
    const node = refined.facet_groups![0].facets[0];
    expect([node.path, node.state, node.count]).toEqual(['Bretagne', 'refined', bretagne.length]);
    expect(flat(node.facets)).toEqual(expectedLevel(countBy(bretagne, (p) => p.territoire)));
  });
  test('codes_postaux: each value of a record counts', async () => {
    const body = await odsSearch(app, { dataset: COMMUNES, rows: 0, facet: 'codes_postaux', 'refine.departement': '29' });
    const finistere = rawGeoJsonFeatures('communes-france.geojson.gz').filter((f) => f.properties.departement === '29').map((f) => f.properties as { codes_postaux?: string[] });
    expect(flat(body.facet_groups![0].facets)).toEqual(expectedLevel(countBy(finistere, (p) => p.codes_postaux)));
  });
});

describe('sort and paging', () => {
  const first = async (params: Record<string, string | number>, field: string, rows = 20) =>
    (await odsSearch(app, { dataset: LIEUX, rows, fields: `id_lieu,${field}`, ...params })).records.map((r) => r.fields[field]);
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

  test('numbers and dates: sort=f descending, sort=-f ascending', async () => {
    expect(await first({ sort: 'annee_tournage' }, 'annee_tournage', 5)).toEqual(Array(5).fill(Math.max(...lieux.map((l) => l.year))));
    expect(await first({ sort: '-annee_tournage' }, 'annee_tournage', 5)).toEqual(Array(5).fill(Math.min(...lieux.map((l) => l.year))));
    const starts = lieux.map((l) => l.start).sort();
    expect(await first({ sort: 'date_debut' }, 'date_debut')).toEqual(starts.slice(-20).reverse());
    expect(await first({ sort: '-date_debut' }, 'date_debut')).toEqual(starts.slice(0, 20));
  });

  test('sortable text: sort=f A→Z, -f Z→A, ignoring case and accents; other text fields refuse', async () => {
    const titles = lieux.map((l) => fold(l.title)).sort();
    expect((await first({ sort: 'nom_tournage' }, 'nom_tournage', 50)).map((t) => fold(String(t)))).toEqual(titles.slice(0, 50));
    expect((await first({ sort: '-nom_tournage' }, 'nom_tournage', 50)).map((t) => fold(String(t)))).toEqual(titles.slice(-50).reverse());
    const res = await request(app).get(`/api/records/1.0/search?${queryString({ dataset: LIEUX, sort: 'adresse_lieu' })}`);
    expect([res.status, res.body.parameter]).toEqual([400, 'sort']);
  });

  test('pages follow each other without overlap; the window ends at 10,000', async () => {
    const whole = await odsSearch(app, { dataset: LIEUX, rows: 40, sort: '-annee_tournage', fields: 'id_lieu' });
    const pages = [await odsSearch(app, { dataset: LIEUX, rows: 20, start: 0, sort: '-annee_tournage', fields: 'id_lieu' }), await odsSearch(app, { dataset: LIEUX, rows: 20, start: 20, sort: '-annee_tournage', fields: 'id_lieu' })];
    expect(pages.flatMap((p) => p.records.map((r) => r.recordid))).toEqual(whole.records.map((r) => r.recordid));
    expect((await odsSearch(app, { dataset: LIEUX, rows: 10, start: 9990 })).records).toHaveLength(10);
    expect((await odsSearch(app, { dataset: LIEUX, rows: 10000, fields: 'id_lieu' })).records).toHaveLength(10000);
    const beyond = await request(app).get(`/api/records/1.0/search?dataset=${LIEUX}&start=9995&rows=10`);
    expect(beyond.status).toBe(400);
    expect(beyond.body.error).toMatch(/10000.*\/api\/records\/1\.0\/download/);
    expect((await odsSearch(app, { dataset: LIEUX })).records).toHaveLength(10);
    expect((await odsSearch(app, { dataset: LIEUX, rows: 0 })).nhits).toBe(lieux.length);
  });
});

describe('domains', () => {
  test('/<domain>/api2 sees its own datasets, and public ones only when it includes them; id@domain reaches another domain', async () => {
    const get = (path: string, dataset: string) => request(app).get(`${path}?dataset=${encodeURIComponent(dataset)}&rows=0`);
    expect((await get('/open/api2/records/search', LIEUX)).body.nhits).toBe(lieux.length);
    expect((await get('/d4c/api/records/1.0/search/', LIEUX)).body.nhits).toBe(lieux.length);
    const closed = await get('/closed/api2/records/search', LIEUX);
    const missing = await get('/closed/api2/records/search', 'no-such-dataset');
    expect([closed.status, closed.body.error.replace(LIEUX, 'X')]).toEqual([404, missing.body.error.replace('no-such-dataset', 'X')]);
    const other = await get('/closed/api2/records/search', `${LIEUX}@default`);
    expect([other.status, other.body.parameters.dataset, other.body.nhits]).toEqual([200, [`${LIEUX}@default`], lieux.length]);
    expect((await get('/api/records/1.0/search', `${LIEUX}@closed`)).status).toBe(404);
    expect((await get('/nowhere/api2/records/search', LIEUX)).status).toBe(404);
  });
});
