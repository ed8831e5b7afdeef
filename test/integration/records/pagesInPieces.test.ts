import type { Client } from '@elastic/elasticsearch';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { asText } from '../../support/exactText';
import { ensureFixture } from '../../support/ingestFixture';
import { rawGeoJsonFeatures } from '../../support/rawFixtures';
import { TEST_NOW } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

let deps: Deps & { close(): Promise<void> };
beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of ['communes-france', 'lieux-de-tournage-a-paris']) await ensureFixture(deps, id);
}, 900000);
afterAll(() => deps.close());
let raw: ReturnType<typeof rawGeoJsonFeatures> | undefined;
const communes = (): ReturnType<typeof rawGeoJsonFeatures> => (raw ??= rawGeoJsonFeatures('communes-france.geojson.gz'));

/** The Elasticsearch calls an app made: search requests (an `_msearch` of a page's hits and counts is one), and snapshots opened and closed. */
interface Calls { searches: number; opened: number; closed: number }

/** An app over a client that counts its calls, reading large pages `pieceRows` records at a time, within `maxBytes`. */
function countingApp(pieceRows: number, maxBytes = 64 * 1024 * 1024): { app: Express; calls: Calls } {
  const calls: Calls = { searches: 0, opened: 0, closed: 0 };
  const es = Object.create(deps.es) as Client;
  es.search = ((...args: Parameters<Client['search']>) => { calls.searches++; return deps.es.search(...args); }) as Client['search'];
  es.msearch = ((...args: Parameters<Client['msearch']>) => { calls.searches++; return deps.es.msearch(...args); }) as Client['msearch'];
  es.openPointInTime = ((...args: Parameters<Client['openPointInTime']>) => { calls.opened++; return deps.es.openPointInTime(...args); }) as Client['openPointInTime'];
  es.closePointInTime = ((...args: Parameters<Client['closePointInTime']>) => { calls.closed++; return deps.es.closePointInTime(...args); }) as Client['closePointInTime'];
  return { app: createApp({ ...deps, es }, pino({ level: 'silent' }), { clock: () => TEST_NOW, pages: { pieceRows, maxBytes } }), calls };
}

// The same page read whole (one search) and in pieces of 7 records must be the same bytes:
// the whole page is what the rest of the suite checks against the raw files.
const PAGES: Array<[string, string]> = [
  ['communes, JSON, sorted, with facets and a refine', 'dataset=communes-france&rows=40&start=3&sort=population&facet=region&refine.region=Bretagne'],
  ['communes, JSON indented', 'dataset=communes-france&rows=23&sort=-nom&pretty_print=true&facet=departement'],
  ['communes, GeoJSON', 'dataset=communes-france&rows=30&sort=nom&format=geojson&q=saint'],
  ['communes, GeoJSON indented', 'dataset=communes-france&rows=15&sort=nom&format=geojson&pretty_print=true'],
  ['communes, GeoJSONP', 'dataset=communes-france&rows=15&sort=nom&format=geojsonp&callback=draw'],
  ['lieux, CSV', 'dataset=lieux-de-tournage-a-paris&rows=50&sort=date_debut&format=csv'],
  ['communes, CSV', 'dataset=communes-france&rows=20&sort=nom&format=csv&q=saint'],
  ['lieux, JSONP', 'dataset=lieux-de-tournage-a-paris&rows=50&sort=-date_debut&format=jsonp&callback=show'],
  ['lieux, relevance order', 'dataset=lieux-de-tournage-a-paris&rows=60&q=rue'],
  ['communes, fewer records than rows', 'dataset=communes-france&rows=100&q=paris&sort=nom'],
];

/** A geometry as ODS writes it: JSON with a space after each comma and colon (a geometry holds no string with either). */
const odsGeometryText = (g: unknown): string => JSON.stringify(g).replace(/,/g, ', ').replace(/:/g, ': ');

// Pages of shapes splice each stored shape's text, whole or in pieces: here they are held to the raw file.
describe('pages of shapes, against the raw file', () => {
  const query = 'dataset=communes-france&rows=30&sort=nom&q=saint';
  test.each([['read whole', 10_000], ['read in pieces of 7', 7]])('%s: JSON, GeoJSON and CSV hold each commune\'s geometry as the raw file has it', async (_name, pieceRows) => {
    const { app } = countingApp(pieceRows);
    const byCode = new Map(communes().map((f) => [f.properties.code as string, f.geometry]));
    const json = await asText(request(app).get(`/api/records/1.0/search?${query}`));
    const records = (JSON.parse(json.body as string) as { records: Array<{ fields: { code: string; geo_shape: unknown } }> }).records;
    expect(records).toHaveLength(30);
    for (const r of records) {
      expect(r.fields.geo_shape).toEqual(byCode.get(r.fields.code));
      expect(json.body).toContain(`"geo_shape": ${odsGeometryText(byCode.get(r.fields.code))}`);
    }
    const geojson = await asText(request(app).get(`/api/records/1.0/search?${query}&format=geojson`));
    const features = (JSON.parse(geojson.body as string) as { features: Array<{ geometry: unknown; properties: { code: string } }> }).features;
    expect(features.map((f) => f.properties.code)).toEqual(records.map((r) => r.fields.code));
    for (const f of features) {
      expect(f.geometry).toEqual(byCode.get(f.properties.code));
      expect(geojson.body).toContain(`"geometry": ${odsGeometryText(byCode.get(f.properties.code))}`);
    }
    const csv = await asText(request(app).get(`/api/records/1.0/search?${query}&format=csv`));
    const lines = (csv.body as string).trim().split(/\r?\n/);
    const header = lines[0].split(';');
    const [code, shape] = [header.indexOf('code'), header.indexOf('geo_shape')];
    expect([code >= 0, shape >= 0, lines.length]).toEqual([true, true, 31]);
    for (const line of lines.slice(1)) {
      // The shape's cell is quoted (its JSON holds quotes): its inner quotes doubled.
      const cells = splitCsv(line);
      expect(JSON.parse(cells[shape])).toEqual(byCode.get(cells[code]));
    }
  });
});

describe('DataStore pages of shapes, against the raw file', () => {
  test.each([
    ['read whole', 10_000, 'limit=30&sort=nom&q=saint'],
    ['read in pieces of 7', 7, 'limit=30&sort=nom&q=saint'],
    ['beyond the result window, in pieces of 7', 7, 'limit=30&offset=10010&sort=nom'],
  ])('%s: GeoJSON and CSV hold each commune\'s geometry as the raw file has it', async (_name, pieceRows, query) => {
    const { app } = countingApp(pieceRows);
    const byCode = new Map(communes().map((f) => [f.properties.code as string, f.geometry]));
    const geojson = await asText(request(app).get(`/api/records/2.0/search?resource_id=communes-france&${query}&format=geojson`));
    expect(geojson.status).toBe(200);
    const features = (JSON.parse(geojson.body as string) as { features: Array<{ geometry: unknown; properties: { code: string } }> }).features;
    expect(features).toHaveLength(30);
    for (const f of features) {
      expect(f.geometry).toEqual(byCode.get(f.properties.code));
      expect(geojson.body).toContain(`"geometry": ${odsGeometryText(byCode.get(f.properties.code))}`);
    }
    const csv = await asText(request(app).get(`/api/records/2.0/search?resource_id=communes-france&${query}&format=csv`));
    const lines = (csv.body as string).trim().split(/\r?\n/);
    const header = lines[0].split(';');
    const [code, shape] = [header.indexOf('code'), header.indexOf('geo_shape')];
    expect([code >= 0, shape >= 0, lines.length]).toEqual([true, true, 31]);
    const codes = lines.slice(1).map((line) => {
      const cells = splitCsv(line);
      expect(JSON.parse(cells[shape])).toEqual(byCode.get(cells[code]));
      return cells[code];
    });
    expect(codes).toEqual(features.map((f) => f.properties.code));
  });
});

describe('OGC items of shapes, against the raw file', () => {
  test.each([['read whole', 10_000], ['read in pieces of 7', 7]])('%s: in CRS84 each feature holds its commune\'s geometry as the raw file has it; in EPSG:4326, latitude first', async (_name, pieceRows) => {
    const { app } = countingApp(pieceRows);
    const byCode = new Map(communes().map((f) => [f.properties.code as string, f.geometry]));
    type Page = { features: Array<{ id: string; geometry: { type: string; coordinates: unknown }; properties: { code: string } }>; numberReturned: number };
    const crs84 = await asText(request(app).get('/ogc/collections/communes-france/items?limit=30&bbox=-5,47.5,-1,48.9'));
    expect(crs84.status).toBe(200);
    const page = JSON.parse(crs84.body as string) as Page;
    expect([page.features.length, page.numberReturned]).toEqual([30, 30]);
    for (const f of page.features) {
      expect(f.geometry).toEqual(byCode.get(f.properties.code));
      expect(crs84.body).toContain(`"id": "${f.id}", "geometry": ${odsGeometryText(byCode.get(f.properties.code))}`);
    }
    // The same page with latitude first: every position of the raw geometry, its two numbers swapped.
    const swapped = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? [(c as number[])[1], (c as number[])[0]] : (c as unknown[]).map(swapped));
    const latFirst = await request(app).get('/ogc/collections/communes-france/items?limit=30&bbox=-5,47.5,-1,48.9&crs=http://www.opengis.net/def/crs/EPSG/0/4326');
    expect(latFirst.status).toBe(200);
    const other = latFirst.body as Page;
    expect(other.features.map((f) => f.id)).toEqual(page.features.map((f) => f.id));
    for (const f of other.features) {
      const rawGeometry = byCode.get(f.properties.code) as { type: string; coordinates: unknown };
      expect(f.geometry).toEqual({ type: rawGeometry.type, coordinates: swapped(rawGeometry.coordinates) });
    }
  });
});

describe('OGC items pages sent in pieces', () => {
  const items = '/ogc/collections/communes-france/items';
  test.each([
    ['CRS84, a next page', `${items}?limit=30&bbox=-5,47.5,-1,48.9`, true],
    ['EPSG:4326, a next page', `${items}?limit=25&bbox=-5,47.5,-1,48.9&crs=http://www.opengis.net/def/crs/EPSG/0/4326`, true],
    ['the last page, shorter than its limit', `${items}?limit=200&bbox=2.2,48.8,2.5,48.95`, false],
  ])('%s: the same bytes as the page read whole', async (_name, path, next) => {
    // The links name the host asked: the same for both servers.
    const a = await asText(request(countingApp(10_000).app).get(path).set('Host', 'portal.example'));
    const b = await asText(request(countingApp(7).app).get(path).set('Host', 'portal.example'));
    expect(a.status).toBe(200);
    expect([b.status, b.headers['content-type'], b.headers['content-crs']]).toEqual([200, a.headers['content-type'], a.headers['content-crs']]);
    expect(b.body).toBe(a.body);
    const page = JSON.parse(a.body as string) as { numberReturned: number; links: Array<{ rel: string }> };
    expect(page.numberReturned).toBeGreaterThan(7);
    expect(page.links.some((l) => l.rel === 'next')).toBe(next);
  });

  test('a page read in pieces links to the next one: together they are the features one larger page holds', async () => {
    const { app } = countingApp(7);
    type Page = { features: Array<{ id: string }>; numberReturned: number; links: Array<{ rel: string; href: string }> };
    const first = (await request(app).get(`${items}?limit=30&bbox=-5,47.5,-1,48.9`)).body as Page;
    const next = first.links.find((l) => l.rel === 'next');
    expect(next).toBeDefined();
    const second = (await request(app).get(new URL(next!.href).pathname + new URL(next!.href).search)).body as Page;
    const both = (await request(app).get(`${items}?limit=60&bbox=-5,47.5,-1,48.9`)).body as Page;
    expect([first.numberReturned, second.numberReturned, both.numberReturned]).toEqual([30, 30, 60]);
    expect([...first.features, ...second.features].map((f) => f.id)).toEqual(both.features.map((f) => f.id));
  });
});

/** One CSV line (separator ';', quotes doubled inside quoted cells) into its cells. */
function splitCsv(line: string): string[] {
  const cells: string[] = [];
  let cell = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') { cells.push(cell); cell = ''; } else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe('records pages read and sent in pieces', () => {
  test.each(PAGES)('%s: the same bytes as the page read whole', async (_name, query) => {
    const whole = countingApp(10_000);
    const pieced = countingApp(7);
    const a = await asText(request(whole.app).get(`/api/records/1.0/search?${query}`));
    const b = await asText(request(pieced.app).get(`/api/records/1.0/search?${query}`));
    expect(a.status).toBe(200);
    expect([b.status, b.headers['content-type']]).toEqual([200, a.headers['content-type']]);
    expect(b.body).toBe(a.body);
    expect(whole.calls).toEqual({ searches: 1, opened: 0, closed: 0 });
    // Read in pieces, from one snapshot that is closed once the page is sent.
    expect(pieced.calls.opened).toBe(1);
    expect(pieced.calls.closed).toBe(1);
  });

  test('a page of 40 read 7 at a time takes 6 searches', async () => {
    const { app, calls } = countingApp(7);
    const res = await request(app).get('/api/records/1.0/search?dataset=communes-france&rows=40&sort=nom');
    expect(res.body.records).toHaveLength(40);
    expect(calls.searches).toBe(Math.ceil(40 / 7));
  });

  test('a page that fits in one piece is one search, with no snapshot', async () => {
    const { app, calls } = countingApp(7);
    const res = await request(app).get('/api/records/1.0/search?dataset=communes-france&rows=7&sort=nom');
    expect(res.body.records).toHaveLength(7);
    expect(calls).toEqual({ searches: 1, opened: 0, closed: 0 });
  });

  test('geopreview: the same geometries read in pieces as read whole', async () => {
    const url = '/api/records/1.0/geopreview?dataset=communes-france&rows=33&clusterprecision=9&q=saint';
    const whole = await request(countingApp(10_000).app).get(url);
    const pieced = countingApp(5);
    const res = await request(pieced.app).get(url);
    expect(res.status).toBe(200);
    expect(res.text).toBe(whole.text);
    expect(res.body).toHaveLength(33);
    expect([pieced.calls.opened, pieced.calls.closed]).toEqual([1, 1]);
  });

  test.each([
    ['communes, one point per commune at zoom 14', 'dataset=communes-france&clusterprecision=14&clusterdistance=0'],
    ['communes with a series, indented', 'dataset=communes-france&clusterprecision=9&clusterdistance=10&y.pop.func=SUM&y.pop.expr=population&pretty_print=true'],
    ['communes, JSONP', 'dataset=communes-france&clusterprecision=10&clusterdistance=0&format=jsonp&callback=map'],
  ])('geocluster, %s: the grid read in pages of 500 cells and written 50 clusters at a time, the same bytes as read whole', async (_name, query) => {
    const url = `/api/records/1.0/geocluster?${query}`;
    const whole = countingApp(10_000);
    const pieced = countingApp(50);
    const a = await asText(request(whole.app).get(url));
    const b = await asText(request(pieced.app).get(url));
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toBe(a.body);
    // The probe, then one grid page per 500 cells or fewer.
    expect(whole.calls.searches).toBe(2);
    expect(pieced.calls.searches).toBeGreaterThan(2);
  });
});

describe('DataStore pages read and sent in pieces', () => {
  test.each([
    ['objects, filtered and sorted', '/api/3/action/datastore_search?resource_id=communes-france&limit=40&offset=3&sort=nom&filters=%7B%22region%22%3A%2253%22%7D'],
    ['lists', '/api/action/datastore_search?resource_id=communes-france&limit=25&records_format=lists&sort=nom'],
    ['csv records', '/api/3/action/datastore_search?resource_id=lieux-de-tournage-a-paris&limit=50&records_format=csv&sort=id_lieu'],
    ['tsv records, with q', '/api/3/action/datastore_search?resource_id=lieux-de-tournage-a-paris&limit=50&records_format=tsv&q=rue&sort=id_lieu'],
    ['beyond the result window', '/api/3/action/datastore_search?resource_id=communes-france&limit=30&offset=10010&sort=nom'],
    ['d4c 2.0, GeoJSON', '/api/records/2.0/search?resource_id=communes-france&limit=20&sort=nom&format=geojson'],
    ['d4c 2.0, CSV', '/api/records/2.0/search?resource_id=lieux-de-tournage-a-paris&limit=50&sort=id_lieu&format=csv'],
    ['d4c 2.0, JSONP by a callback alone', '/api/records/2.0/search?resource_id=lieux-de-tournage-a-paris&limit=30&sort=id_lieu&callback=show'],
  ])('%s: the same bytes as the page read whole', async (_name, url) => {
    const whole = countingApp(10_000);
    const pieced = countingApp(7);
    const a = await asText(request(whole.app).get(url));
    const b = await asText(request(pieced.app).get(url));
    expect(a.status).toBe(200);
    expect([b.status, b.headers['content-type']]).toEqual([200, a.headers['content-type']]);
    // `help` names the site, and each request here comes to a server on a port of its own.
    const site = (body: string): string => body.replace(/http:\/\/127\.0\.0\.1:\d+\//g, 'http://site/');
    expect(site(b.body as string)).toBe(site(a.body as string));
    expect(pieced.calls.searches).toBeGreaterThan(whole.calls.searches);
    // Every snapshot opened was closed.
    expect(pieced.calls.closed).toBe(pieced.calls.opened);
  });

  test('a DataStore page over the byte budget: CKAN\'s error naming limit, pointing to the download API', async () => {
    const { app, calls } = countingApp(50, 20_000);
    const res = await request(app).get('/api/3/action/datastore_search?resource_id=communes-france&limit=300');
    expect([res.status, res.body.success, res.body.error.limit]).toEqual([409, false, [expect.stringContaining('/api/records/1.0/download')]]);
    expect([calls.opened, calls.closed]).toEqual([1, 1]);
  });
});

describe('a page over the byte budget', () => {
  // Each commune's record holds its polygon: a few hundred bytes at least, so 200 records exceed 20,000 bytes.
  test.each([
    ['/api/records/1.0/search?dataset=communes-france&rows=200&sort=nom', '/api/records/1.0/download'],
    ['/api/records/1.0/search?dataset=communes-france&rows=200&sort=nom&format=geojson', '/api/records/1.0/download'],
    ['/d4c/api/records/1.0/search/?dataset=communes-france&rows=200', '/d4c/api/records/1.0/download'],
    ['/api/records/1.0/geopreview?dataset=communes-france&rows=200', '/api/records/1.0/download'],
  ])('%s: a 400 naming rows and pointing to %s, before any byte, its snapshot released', async (url, download) => {
    const smallest = Math.min(...communes().slice(0, 1000).map((f) => JSON.stringify(f.geometry).length));
    expect(smallest * 200).toBeGreaterThan(20_000);
    const { app, calls } = countingApp(50, 20_000);
    const res = await request(app).get(url);
    expect([res.status, res.headers['content-type'], res.body.parameter, res.body.errorcode]).toEqual([400, expect.stringMatching(/^application\/json/), 'rows', 10010]);
    expect(res.body.error).toContain(download);
    expect([calls.opened, calls.closed]).toEqual([1, 1]);
  });

  test('a small page is not affected by the budget', async () => {
    const { app } = countingApp(50, 20_000);
    const res = await request(app).get('/api/records/1.0/search?dataset=communes-france&rows=3&sort=nom');
    expect([res.status, res.body.records.length]).toEqual([200, 3]);
  });
});
