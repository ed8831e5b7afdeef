import type { Express } from 'express';
import request from 'supertest';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import { upsertDomain } from '../../../src/execute/datasetStore';
import type { Deps } from '../../../src/execute/deps';
import { gdalTransform } from '../../support/gdal';
import { ensureFixture } from '../../support/ingestFixture';
import { lieuxPoints, type LieuPoint } from '../../support/lieuxPoints';
import { testApp, TEST_NOW } from '../../support/recordsApp';
import { queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

/**
 * The Abstract Test Suites of OGC API – Features Part 1 (OGC 17-069r4 Annex A: /conf/core/…,
 * /conf/geojson/…) and Part 2 (OGC 18-058r1 Annex A: /conf/crs/…), one test per abstract test
 * that applies, named by its id. Expected values come from the raw CSV (test/support/lieuxPoints.ts)
 * and from GDAL, never from our own answers.
 */
const LIEUX = 'lieux-de-tournage-a-paris';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG = (n: number): string => `http://www.opengis.net/def/crs/EPSG/0/${n}`;
const CLASSES = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  // Part 3 and CQL2: proven by ogcFilter.test.ts (and -where by ogcGdal.test.ts).
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
].sort();

let deps: Deps & { close(): Promise<void> };
let app: Express;
let raw: LieuPoint[];
let key: string;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  await upsertDomain(deps.pool, { id: 'ogc-d', title: 'OGC D', includePublic: false });
  await publishTinyCsv(deps, 'ogc-private', [{ name: 'nom', type: 'text' }, { name: 'geo', type: 'geo_point_2d' }], [['a', '48.85,2.35']], { domain: 'ogc-d', visibility: 'private' });
  await publishTinyCsv(deps, 'ogc-no-geo', [{ name: 'nom', type: 'text' }], [['a']]);
  key = (await createApiKey(deps.pool, 'ogc-d', 'ogc test')).key;
  app = testApp(deps);
  raw = lieuxPoints();
}, 600000);
afterAll(() => deps.close());

interface Link { href: string; rel: string; type?: string }
interface Feature { type: string; id: string; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }
interface Items { type: string; features: Feature[]; numberMatched: number; numberReturned: number; timeStamp: string; links: Link[] }

const get = (path: string, params: Record<string, string | number> = {}) => {
  const qs = queryString(params);
  return request(app).get(qs ? `${path}?${qs}` : path);
};
const ok = async (path: string, params: Record<string, string | number> = {}) => {
  const res = await get(path, params);
  if (res.status !== 200) throw new Error(`${path} ${res.status} ${res.text}`);
  return res;
};
const items = async (params: Record<string, string | number> = {}): Promise<Items> => JSON.parse((await ok(`/ogc/collections/${LIEUX}/items`, params)).text) as Items;
/** A path of a link of ours (absolute, to the test server), for supertest. */
const pathOf = (href: string): string => { const u = new URL(href); return `${u.pathname}${u.search}`; };
const rel = (links: Link[], r: string): Link | undefined => links.find((l) => l.rel === r);

const inBox = (p: LieuPoint, [w, s, e, n]: number[]): boolean => p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n;
const BOX = [2.33, 48.85, 2.36, 48.87];

describe('OGC API – Features Part 1, conformance class Core', () => {
  test('/conf/core/http', async () => {
    const res = await ok('/ogc');
    expect((res as unknown as { res: { httpVersion: string } }).res.httpVersion).toBe('1.1');
  });

  test('/conf/core/root-op', async () => {
    for (const path of ['/ogc', '/ogc/']) expect((await get(path)).status).toBe(200);
  });

  test('/conf/core/root-success', async () => {
    const res = await ok('/ogc/');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const links = res.body.links as Link[];
    expect(links.map((l) => l.rel).sort()).toEqual(['conformance', 'data', 'self', 'service-desc', 'service-desc']);
    expect(pathOf(rel(links, 'conformance')!.href)).toBe('/ogc/conformance');
    expect(pathOf(rel(links, 'data')!.href)).toBe('/ogc/collections');
    // The OGC API's own OpenAPI 3.0 document, and the whole portal's 3.1 one.
    expect(links.filter((l) => l.rel === 'service-desc').map((l) => [pathOf(l.href), l.type])).toEqual([
      ['/ogc/api', 'application/vnd.oai.openapi+json;version=3.0'], ['/api/openapi.json', 'application/vnd.oai.openapi+json;version=3.1'],
    ]);
  });

  test('/conf/core/api-definition-op', async () => {
    const links = (await ok('/ogc')).body.links as Link[];
    expect((await get(pathOf(rel(links, 'service-desc')!.href))).status).toBe(200);
  });

  test('/conf/core/api-definition-success', async () => {
    const doc = (await ok('/api/openapi.json')).body as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/ogc', '/ogc/conformance', '/ogc/collections', '/ogc/collections/{collectionId}', '/ogc/collections/{collectionId}/items', '/ogc/collections/{collectionId}/items/{featureId}']) {
      expect([p, Object.keys(doc.paths[p] ?? {})]).toEqual([p, ['get']]);
    }
    // /ogc/api: OpenAPI 3.0, its paths relative to the OGC root it is asked through (a domain's too).
    for (const root of ['/ogc', '/ogc-d/ogc']) {
      const res = await ok(`${root}/api`);
      expect(res.headers['content-type']).toMatch(/^application\/vnd\.oai\.openapi\+json; ?version=3\.0/);
      const api = JSON.parse(res.text) as { openapi: string; servers: Array<{ url: string }>; paths: Record<string, unknown> };
      expect(api.openapi).toMatch(/^3\.0\./);
      expect(new URL(api.servers[0].url).pathname).toBe(root);
      for (const p of ['/', '/conformance', '/collections', '/collections/{collectionId}', '/collections/{collectionId}/items', '/collections/{collectionId}/items/{featureId}', '/collections/{collectionId}/queryables']) {
        expect([p, Object.keys(api.paths[p] ?? {})]).toEqual([p, ['get']]);
      }
    }
  });

  test('/conf/core/conformance-op', async () => {
    expect((await get('/ogc/conformance')).status).toBe(200);
  });

  test('/conf/core/conformance-success', async () => {
    // Exactly the classes the tests prove: no HTML, no OpenAPI 3.0 (its ATS is not run).
    expect(((await ok('/ogc/conformance')).body.conformsTo as string[]).sort()).toEqual(CLASSES);
  });

  test('/conf/core/crs84', async () => {
    // Without crs, positions are longitude, latitude in WGS 84: every one of a page is a raw point.
    const page = await items({ limit: 200 });
    const rawKeys = new Set(raw.map((p) => `${p.lon.toFixed(7)},${p.lat.toFixed(7)}`));
    for (const f of page.features) expect(rawKeys.has(`${f.geometry!.coordinates[0].toFixed(7)},${f.geometry!.coordinates[1].toFixed(7)}`)).toBe(true);
  });

  test('/conf/core/fc-md-op', async () => {
    expect((await get('/ogc/collections')).status).toBe(200);
  });

  test('/conf/core/fc-md-links', async () => {
    const body = (await ok('/ogc/collections')).body as { links: Link[] };
    expect(pathOf(rel(body.links, 'self')!.href)).toBe('/ogc/collections');
  });

  test('/conf/core/fc-md-items', async () => {
    const ids = ((await ok('/ogc/collections')).body.collections as Array<{ id: string }>).map((c) => c.id);
    // Geographic datasets only, and no private one to an anonymous caller.
    expect(ids).toContain(LIEUX);
    expect(ids).not.toContain('ogc-no-geo');
    expect(ids).not.toContain('ogc-private');
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('/conf/core/fc-md-items-links', async () => {
    for (const c of (await ok('/ogc/collections')).body.collections as Array<{ id: string; links: Link[] }>) {
      const itemsLink = rel(c.links, 'items')!;
      expect([c.id, itemsLink.type, pathOf(itemsLink.href)]).toEqual([c.id, 'application/geo+json', `/ogc/collections/${c.id}/items`]);
    }
  });

  test('/conf/core/fc-md-extent', async () => {
    const c = ((await ok('/ogc/collections')).body.collections as Array<{ id: string; extent: { spatial: { bbox: number[][]; crs: string }; temporal: { interval: string[][] } } }>).find((x) => x.id === LIEUX)!;
    const lons = raw.map((p) => p.lon);
    const lats = raw.map((p) => p.lat);
    const expected = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
    expect(c.extent.spatial.crs).toBe(CRS84);
    // Elasticsearch's geo_bounds keeps points to about 1e-6 degree.
    c.extent.spatial.bbox[0].forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-5));
    const dates = raw.map((p) => p.dateDebut).filter((d) => d !== '').sort();
    expect(c.extent.temporal.interval[0].map((t) => t.slice(0, 10))).toEqual([dates[0], dates[dates.length - 1]]);
  });

  test('/conf/core/sfc-md-op', async () => {
    expect((await get(`/ogc/collections/${LIEUX}`)).status).toBe(200);
    for (const id of ['nope', 'ogc-no-geo', 'ogc-private']) {
      const res = await get(`/ogc/collections/${id}`);
      expect([id, res.status, res.body.code]).toEqual([id, 404, 'NotFound']);
    }
  });

  test('/conf/core/sfc-md-success', async () => {
    const one = (await ok(`/ogc/collections/${LIEUX}`)).body as Record<string, unknown>;
    const listed = ((await ok('/ogc/collections')).body.collections as Array<Record<string, unknown>>).find((x) => x.id === LIEUX);
    // The same document (links compared by path: each request comes from another port of supertest).
    const local = (doc: unknown) => JSON.parse(JSON.stringify(doc).replace(/http:\/\/127\.0\.0\.1:\d+/g, ''));
    expect(local(one)).toEqual(local(listed));
    expect(one.title).toBe('Lieux de tournage à Paris');
  });

  test('/conf/core/fc-op', async () => {
    const res = await ok(`/ogc/collections/${LIEUX}/items`);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect((await get('/ogc/collections/nope/items')).status).toBe(404);
  });

  test('/conf/core/fc-limit-definition', async () => {
    const doc = (await ok('/api/openapi.json')).body as { paths: Record<string, { get: { parameters: Array<{ name: string; schema: Record<string, unknown> }> } }> };
    const limit = doc.paths['/ogc/collections/{collectionId}/items'].get.parameters.find((p) => p.name === 'limit')!;
    expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 10000, default: 10 });
  });

  test('/conf/core/fc-limit-response', async () => {
    expect((await items()).features).toHaveLength(10);
    expect((await items({ limit: 7 })).features).toHaveLength(7);
    // A limit above the maximum is not an error: the maximum is used.
    const big = await items({ limit: 20000 });
    expect([big.numberReturned, big.features.length]).toEqual([10000, 10000]);
    for (const bad of ['0', '-1', 'x', '2.5']) expect([bad, (await get(`/ogc/collections/${LIEUX}/items`, { limit: bad })).status]).toEqual([bad, 400]);
  });

  test('/conf/core/fc-bbox-definition', async () => {
    const doc = (await ok('/api/openapi.json')).body as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    expect(doc.paths['/ogc/collections/{collectionId}/items'].get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['bbox', 'bbox-crs']));
  });

  test('/conf/core/fc-bbox-response', async () => {
    const page = await items({ bbox: BOX.join(','), limit: 10000 });
    const expected = raw.filter((p) => inBox(p, BOX));
    expect(expected.length).toBeGreaterThan(100);
    expect(page.numberMatched).toBe(expected.length);
    for (const f of page.features) expect(inBox({ lon: f.geometry!.coordinates[0], lat: f.geometry!.coordinates[1] } as LieuPoint, BOX)).toBe(true);
  });

  test('/conf/core/fc-time-definition', async () => {
    const doc = (await ok('/api/openapi.json')).body as { paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    expect(doc.paths['/ogc/collections/{collectionId}/items'].get.parameters.map((p) => p.name)).toContain('datetime');
  });

  test('/conf/core/fc-time-response', async () => {
    // The first date field, date_debut, compared as text in the raw CSV.
    const count = (keep: (d: string) => boolean) => raw.filter((p) => p.dateDebut !== '' && keep(p.dateDebut)).length;
    const cases: Array<[string, (d: string) => boolean]> = [
      ['2019-06-21', (d) => d === '2019-06-21'],
      ['2019-06-01/2019-06-30', (d) => d >= '2019-06-01' && d <= '2019-06-30'],
      ['2019-06-01T00:00:00Z/2019-06-30T00:00:00Z', (d) => d >= '2019-06-01' && d <= '2019-06-30'],
      ['../2017-01-31', (d) => d <= '2017-01-31'],
      ['2021-06-01/..', (d) => d >= '2021-06-01'],
      ['/2016-02-01', (d) => d <= '2016-02-01'],
    ];
    for (const [datetime, keep] of cases) {
      const expected = count(keep);
      expect([datetime, expected > 0]).toEqual([datetime, true]);
      expect([datetime, (await items({ datetime, limit: 1 })).numberMatched]).toEqual([datetime, expected]);
    }
  });

  test('/conf/core/query-param-unknown', async () => {
    const res = await get(`/ogc/collections/${LIEUX}/items`, { nope: '1' });
    expect([res.status, res.body.code, res.body.parameter]).toEqual([400, 'InvalidParameterValue', 'nope']);
    // A property that is not a facet field is unknown too.
    expect((await get(`/ogc/collections/${LIEUX}/items`, { nom_tournage: 'x' })).status).toBe(400);
    expect((await get('/ogc/collections', { limit: 3 })).status).toBe(400);
  });

  test('/conf/core/query-param-invalid', async () => {
    for (const [name, value] of [['bbox', '1,2,3'], ['bbox', '2.3,48.9,2.4,48.8'], ['bbox', 'a,b,c,d'], ['datetime', '2019-13-01'], ['datetime', '2019-06-30/2019-06-01'],
      ['datetime', 'yesterday'], ['limit', 'ten'], ['crs', 'EPSG:4326'], ['bbox-crs', EPSG(9999)], ['cursor', 'garbage'], ['f', 'xml']]) {
      const res = await get(`/ogc/collections/${LIEUX}/items`, { [name]: value });
      expect([name, value, res.status, res.body.code, res.body.parameter]).toEqual([name, value, 400, 'InvalidParameterValue', name]);
      expect(typeof res.body.description).toBe('string');
    }
  });

  test('/conf/core/fc-response', async () => {
    const page = await items({ limit: 3 });
    expect(page.type).toBe('FeatureCollection');
    expect(Array.isArray(page.features)).toBe(true);
  });

  test('/conf/core/fc-links', async () => {
    const first = await items({ limit: 4000, type_tournage: 'Long métrage' });
    const expected = raw.filter((p) => p.type === 'Long métrage').length;
    expect(pathOf(rel(first.links, 'self')!.href)).toBe(`/ogc/collections/${LIEUX}/items?limit=4000&type_tournage=Long+m%C3%A9trage`);
    // Following next links reads every matching feature once, and the last page has no next link.
    const seen = new Set(first.features.map((f) => f.id));
    let page = first;
    let pages = 1;
    while (rel(page.links, 'next')) {
      const next = rel(page.links, 'next')!;
      expect(next.type).toBe('application/geo+json');
      page = JSON.parse((await ok(pathOf(next.href))).text) as Items;
      page.features.forEach((f) => seen.add(f.id));
      pages++;
    }
    expect([seen.size, pages]).toEqual([expected, Math.ceil(expected / 4000)]);
  });

  test('/conf/core/fc-timeStamp', async () => {
    expect((await items({ limit: 1 })).timeStamp).toBe(new Date(TEST_NOW).toISOString().replace('.000Z', 'Z'));
  });

  test('/conf/core/fc-numberMatched', async () => {
    expect((await items({ limit: 1 })).numberMatched).toBe(raw.length);
    expect((await items({ limit: 1, ardt_lieu: '75013' })).numberMatched).toBe(raw.filter((p) => p.ardt === '75013').length);
  });

  test('/conf/core/fc-numberReturned', async () => {
    for (const limit of [1, 25]) {
      const page = await items({ limit });
      expect(page.numberReturned).toBe(page.features.length);
    }
    const last = await items({ limit: 10, bbox: '2.2000,48.8000,2.2001,48.8001' });
    expect([last.numberReturned, last.features.length, last.numberMatched]).toEqual([0, 0, 0]);
  });

  test('/conf/core/f-op', async () => {
    const id = (await items({ limit: 1 })).features[0].id;
    expect((await get(`/ogc/collections/${LIEUX}/items/${encodeURIComponent(id)}`)).status).toBe(200);
    const missing = await get(`/ogc/collections/${LIEUX}/items/not-a-record`);
    expect([missing.status, missing.body.code]).toEqual([404, 'NotFound']);
  });

  test('/conf/core/f-success', async () => {
    const [f] = (await items({ limit: 1 })).features;
    const res = await ok(`/ogc/collections/${LIEUX}/items/${encodeURIComponent(f.id)}`);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const one = JSON.parse(res.text) as Feature & { links: Link[] };
    expect([one.type, one.id, one.geometry, one.properties]).toEqual(['Feature', f.id, f.geometry, f.properties]);
  });

  test('/conf/core/f-links', async () => {
    const [f] = (await items({ limit: 1 })).features;
    const one = JSON.parse((await ok(`/ogc/collections/${LIEUX}/items/${encodeURIComponent(f.id)}`)).text) as { links: Link[] };
    expect(pathOf(rel(one.links, 'self')!.href)).toBe(`/ogc/collections/${LIEUX}/items/${encodeURIComponent(f.id)}`);
    expect(pathOf(rel(one.links, 'collection')!.href)).toBe(`/ogc/collections/${LIEUX}`);
  });

  test('property filters on facet fields (?prop=value)', async () => {
    const page = await items({ type_tournage: 'Série TV', ardt_lieu: '75018', limit: 10000 });
    const expected = raw.filter((p) => p.type === 'Série TV' && p.ardt === '75018');
    expect(page.numberMatched).toBe(expected.length);
    for (const f of page.features) expect([f.properties.type_tournage, f.properties.ardt_lieu]).toEqual(['Série TV', '75018']);
  });
});

describe('OGC API – Features Part 1, conformance class GeoJSON', () => {
  test('/conf/geojson/definition', async () => {
    const doc = (await ok('/api/openapi.json')).body as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    const types = (p: string): string[] => Object.keys(doc.paths[p].get.responses['200'].content!);
    // GeoJSON first; items also in the GIS files of f=gpkg, shp and fgb.
    expect(types('/ogc/collections/{collectionId}/items')).toEqual(['application/geo+json', 'application/geopackage+sqlite3', 'application/zip', 'application/flatgeobuf']);
    expect(types('/ogc/collections/{collectionId}/items/{featureId}')).toEqual(['application/geo+json']);
  });

  test('/conf/geojson/content', async () => {
    const page = await items({ limit: 50 });
    for (const f of page.features) {
      expect(f.type).toBe('Feature');
      expect(typeof f.id).toBe('string');
      expect(f.geometry!.type).toBe('Point');
      expect(f.geometry!.coordinates).toHaveLength(2);
      expect(typeof f.properties.nom_tournage).toBe('string');
    }
    const res = await ok(`/ogc/collections/${LIEUX}/items`, { f: 'json' });
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
  });
});

describe('OGC API – Features Part 2, conformance class CRS by reference', () => {
  const collection = async () => (await ok(`/ogc/collections/${LIEUX}`)).body as { crs: string[]; storageCrs: string };

  test('/conf/crs/crs-uri', async () => {
    const all = ((await ok('/ogc/collections')).body.collections as Array<{ crs: string[]; storageCrs: string }>).flatMap((c) => [...c.crs, c.storageCrs]);
    for (const uri of all) expect(uri).toMatch(/^http:\/\/www\.opengis\.net\/def\/crs\/(OGC\/1\.3\/CRS84|EPSG\/0\/\d+)$/);
  });

  test('/conf/crs/default-crs', async () => {
    expect((await collection()).crs).toContain(CRS84);
  });

  test('/conf/crs/storageCrs', async () => {
    const c = await collection();
    expect(c.storageCrs).toBe(CRS84);
    expect(c.crs).toContain(c.storageCrs);
  });

  test('/conf/crs/crs-parameter', async () => {
    const [f] = (await items({ limit: 1 })).features;
    for (const crs of (await collection()).crs) {
      const page = await ok(`/ogc/collections/${LIEUX}/items`, { crs, limit: 1 });
      expect([crs, page.headers['content-crs']]).toEqual([crs, `<${crs}>`]);
      const one = await ok(`/ogc/collections/${LIEUX}/items/${encodeURIComponent(f.id)}`, { crs });
      expect([crs, one.headers['content-crs']]).toEqual([crs, `<${crs}>`]);
    }
  });

  test('/conf/crs/crs-parameter-invalid', async () => {
    for (const crs of [EPSG(9999), EPSG(27700), 'nonsense']) {
      const res = await get(`/ogc/collections/${LIEUX}/items`, { crs });
      expect([crs, res.status, res.body.parameter]).toEqual([crs, 400, 'crs']);
    }
  });

  test('/conf/crs/crs-parameter-default', async () => {
    const plain = await ok(`/ogc/collections/${LIEUX}/items`, { limit: 5 });
    const named = await ok(`/ogc/collections/${LIEUX}/items`, { limit: 5, crs: CRS84 });
    expect(plain.headers['content-crs']).toBe(`<${CRS84}>`);
    expect(JSON.parse(plain.text).features).toEqual(JSON.parse(named.text).features);
  });

  test('/conf/crs/crs-parameter-transform', async () => {
    const wgs = (await items({ limit: 50 })).features;
    const l93 = (await items({ limit: 50, crs: EPSG(2154) })).features;
    const latLon = (await items({ limit: 50, crs: EPSG(4326) })).features;
    // GDAL's transform of our CRS84 points, to 1 cm; EPSG:4326 is the same point, latitude first.
    const oracle = await gdalTransform(wgs.map((f) => f.geometry!.coordinates), 'EPSG:4326', 'EPSG:2154');
    l93.forEach((f, i) => {
      expect(f.id).toBe(wgs[i].id);
      expect(Math.abs(f.geometry!.coordinates[0] - oracle[i][0])).toBeLessThan(0.01);
      expect(Math.abs(f.geometry!.coordinates[1] - oracle[i][1])).toBeLessThan(0.01);
    });
    latLon.forEach((f, i) => expect(f.geometry!.coordinates).toEqual([wgs[i].geometry!.coordinates[1], wgs[i].geometry!.coordinates[0]]));
  });

  test('/conf/crs/bbox-crs-parameter', async () => {
    // A Lambert-93 box, and the raw points GDAL puts in it.
    const box = [650000, 6860000, 653000, 6863000];
    const projected = await gdalTransform(raw.map((p) => [p.lon, p.lat]), 'EPSG:4326', 'EPSG:2154');
    const inside = projected.filter(([x, y]) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]).length;
    expect(inside).toBeGreaterThan(50);
    expect((await items({ bbox: box.join(','), 'bbox-crs': EPSG(2154), limit: 1 })).numberMatched).toBe(inside);
    // EPSG:4326 takes its box latitude first.
    const latFirst = await items({ bbox: [BOX[1], BOX[0], BOX[3], BOX[2]].join(','), 'bbox-crs': EPSG(4326), limit: 1 });
    expect(latFirst.numberMatched).toBe(raw.filter((p) => inBox(p, BOX)).length);
  });

  test('/conf/crs/bbox-crs-parameter-invalid', async () => {
    const res = await get(`/ogc/collections/${LIEUX}/items`, { bbox: BOX.join(','), 'bbox-crs': EPSG(9999) });
    expect([res.status, res.body.parameter]).toEqual([400, 'bbox-crs']);
  });

  test('/conf/crs/bbox-crs-parameter-default', async () => {
    const a = await items({ bbox: BOX.join(','), limit: 10000 });
    const b = await items({ bbox: BOX.join(','), 'bbox-crs': CRS84, limit: 10000 });
    expect(b.features.map((f) => f.id)).toEqual(a.features.map((f) => f.id));
  });
});

describe('domains and keys', () => {
  test('a private dataset is a collection only to its key holder, under its domain', async () => {
    const ids = async (path: string, withKey: boolean) => {
      const req = get(path);
      const res = await (withKey ? req.set('Authorization', `Apikey ${key}`) : req);
      expect(res.status).toBe(200);
      return (res.body.collections as Array<{ id: string }>).map((c) => c.id);
    };
    expect(await ids('/ogc-d/ogc/collections', false)).toEqual([]);
    expect(await ids('/ogc-d/ogc/collections', true)).toEqual(['ogc-private']);
    const items403 = await get('/ogc-d/ogc/collections/ogc-private/items');
    expect(items403.status).toBe(404);
    const mine = await get('/ogc-d/ogc/collections/ogc-private/items').set('Authorization', `Apikey ${key}`);
    expect([mine.status, mine.body.numberMatched, mine.body.features[0].geometry.coordinates]).toEqual([200, 1, [2.35, 48.85]]);
    // Its links stay under the domain.
    expect(pathOf(rel((await get('/ogc-d/ogc')).body.links as Link[], 'data')!.href)).toBe('/ogc-d/ogc/collections');
    expect((await get('/no-such-domain/ogc')).status).toBe(404);
  });
});
