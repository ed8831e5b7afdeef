import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { gdalTransform } from '../../support/gdal';
import { ensureFixture, fixtureDescriptor } from '../../support/ingestFixture';
import { rawCsvObjects } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

/**
 * OGC API – Features Part 3 (OGC 19-079r2) and CQL2 text (OGC 21-065r2) on real Elasticsearch:
 * the Filter, Features Filter and Queryables abstract tests by their ids (ATS-style: one test
 * each, as far as they apply), then the CQL2 constructs. Every expected count and id list is
 * computed here from the raw CSV (test/support/rawFixtures.ts) and, for Lambert-93, from GDAL.
 */
const LIEUX = 'lieux-de-tournage-a-paris';
const ITEMS = `/ogc/collections/${LIEUX}/items`;
const EPSG = (n: number): string => `http://www.opengis.net/def/crs/EPSG/0/${n}`;

interface Row { id: string; annee: number; type: string; titre: string; realisateur: string; ardt: string; debut: string; lon: number; lat: number }
interface Feature { id: string; properties: Record<string, unknown> }
interface Items { features: Feature[]; numberMatched: number; links: Array<{ rel: string; href: string }> }

let deps: Deps & { close(): Promise<void> };
let app: Express;
let rows: Row[];
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  app = testApp(deps);
  rows = rawCsvObjects('lieux-de-tournage-a-paris.csv').map((r) => {
    const [lon, lat] = (JSON.parse(r.geo_shape) as { coordinates: [number, number] }).coordinates;
    return {
      id: r['Identifiant du lieu'], annee: Number(r['Année du tournage']), type: r['Type de tournage'], titre: r.Titre,
      realisateur: r['Réalisateur'], ardt: r['Code postal'], debut: r['Date de début'], lon, lat,
    };
  });
}, 600000);
afterAll(() => deps.close());

const get = (path: string, params: Record<string, string | number> = {}) => request(app).get(`${path}?${queryString(params)}`);

async function items(params: Record<string, string | number>): Promise<Items> {
  const res = await get(ITEMS, params);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
  return JSON.parse(res.text) as Items;
}

/** How many features a filter matches. */
const matched = async (filter: string, extra: Record<string, string | number> = {}): Promise<number> => (await items({ filter, limit: 1, ...extra })).numberMatched;

/** The sorted `id_lieu` of every feature a filter matches (one page: at most 10,000). */
async function idsOf(filter: string, extra: Record<string, string | number> = {}): Promise<string[]> {
  const page = await items({ filter, limit: 10000, ...extra });
  expect(page.features.length).toBe(page.numberMatched);
  return page.features.map((f) => String(f.properties.id_lieu)).sort();
}
const idsWhere = (keep: (r: Row) => boolean): string[] => rows.filter(keep).map((r) => r.id).sort();

/** A 400 OGC exception about `parameter`; its description. */
async function refused(params: Record<string, string | number>, parameter: string): Promise<string> {
  const res = await get(ITEMS, params);
  expect([res.status, res.body.code, res.body.parameter]).toEqual([400, 'InvalidParameterValue', parameter]);
  return res.body.description as string;
}

const inBox = (r: Row, [w, s, e, n]: number[]): boolean => r.lon >= w && r.lon <= e && r.lat >= s && r.lat <= n;
const BOX = [2.33, 48.85, 2.36, 48.87];

describe('OGC API – Features Part 3, Queryables', () => {
  test('/conf/queryables/get-queryables-uris', async () => {
    const links = (await get(`/ogc/collections/${LIEUX}`)).body.links as Array<{ rel: string; href: string }>;
    const link = links.find((l) => l.rel === 'http://www.opengis.net/def/rel/ogc/1.0/queryables');
    expect(new URL(link!.href).pathname).toBe(`/ogc/collections/${LIEUX}/queryables`);
  });

  test('/conf/queryables/get-queryables', async () => {
    const res = await get(`/ogc/collections/${LIEUX}/queryables`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
    const doc = JSON.parse(res.text) as { $schema: string; $id: string; type: string; additionalProperties: boolean; properties: Record<string, { type?: string; format?: string }> };
    // 19-079r2 /req/queryables/get-queryables-response B: the 2020-12 meta-schema, $id the resource's URI without query.
    expect(doc.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    // (Each supertest request has its own port, so the link's href is compared by its path.)
    expect(new URL(doc.$id).pathname).toBe(`/ogc/collections/${LIEUX}/queryables`);
    expect(new URL(doc.$id).search).toBe('');
    expect([doc.type, doc.additionalProperties]).toEqual(['object', false]);
    // Each field of the descriptor, with CQL2's type for its declared type.
    const expected: Record<string, { type?: string; format?: string }> = {};
    const json: Record<string, { type?: string; format?: string }> = {
      text: { type: 'string' }, int: { type: 'integer' }, double: { type: 'number' }, date: { type: 'string', format: 'date' },
      geo_shape: { format: 'geometry-any' }, geo_point_2d: { format: 'geometry-point' },
    };
    for (const f of fixtureDescriptor(LIEUX).fields) expected[f.name] = json[f.type!];
    expect(Object.fromEntries(Object.entries(doc.properties).map(([k, v]) => [k, { ...(v.type ? { type: v.type } : {}), ...(v.format ? { format: v.format } : {}) }]))).toEqual(expected);
  });
});

describe('OGC API – Features Part 3, conformance classes Filter and Features Filter', () => {
  test('/conf/queryables/get-conformance, /conf/filter/get-conformance and /conf/features-filter/get-conformance', async () => {
    const classes = (await get('/ogc/conformance')).body.conformsTo as string[];
    for (const c of ['ogcapi-features-3/1.0/conf/queryables', 'ogcapi-features-3/1.0/conf/filter', 'ogcapi-features-3/1.0/conf/features-filter', 'cql2/1.0/conf/cql2-text', 'cql2/1.0/conf/basic-cql2',
      'cql2/1.0/conf/advanced-comparison-operators', 'cql2/1.0/conf/basic-spatial-functions']) expect(classes).toContain(`http://www.opengis.net/spec/${c}`);
  });

  test('/conf/filter/filter-param', async () => {
    const page = await items({ 'filter-lang': 'cql2-text', filter: "type_tournage = 'Série Web'", limit: 10000 });
    expect(page.numberMatched).toBe(rows.filter((r) => r.type === 'Série Web').length);
    for (const f of page.features) expect(f.properties.type_tournage).toBe('Série Web');
    // The next link keeps the filter.
    const next = new URL((await items({ filter: "type_tournage = 'Série Web'", limit: 10 })).links.find((l) => l.rel === 'next')!.href);
    expect(next.searchParams.get('filter')).toBe("type_tournage = 'Série Web'");
  });

  test('/conf/filter/filter-lang-default', async () => {
    expect(await matched("type_tournage = 'Téléfilm'")).toBe(rows.filter((r) => r.type === 'Téléfilm').length);
    expect(await refused({ filter: "type_tournage = 'Téléfilm'", 'filter-lang': 'cql2-json' }, 'filter-lang')).toMatch(/cql2-text/);
  });

  test('/conf/filter/expression-construction: an unknown property and a syntax error are 400s that say what and where', async () => {
    expect(await refused({ filter: 'this_is_not_a_queryable = 1' }, 'filter')).toMatch(/unknown property "this_is_not_a_queryable".* at position 0/);
    expect(await refused({ filter: 'annee_tournage = 2019 AND' }, 'filter')).toMatch(/found the end of the filter at position 25\n/);
    expect(await refused({ filter: "nom_tournage = 'open" }, 'filter')).toMatch(/unterminated string.* at position 15\n/);
    expect(await refused({ filter: "annee_tournage = 'x'" }, 'filter')).toMatch(/"annee_tournage" is a number.* at position 17\n/);
    expect(await refused({ filter: '' }, 'filter')).toMatch(/empty filter/);
  });

  test('/conf/filter/filter-crs-wgs84', async () => {
    expect(await idsOf(`S_INTERSECTS(geo_shape, BBOX(${BOX.join(',')}))`)).toEqual(idsWhere((r) => inBox(r, BOX)));
    expect(await refused({ filter: 'S_INTERSECTS(geo_shape, BBOX(1000000,1000000,2000000,2000000))' }, 'filter')).toMatch(/outside the area of/);
  });

  test('/conf/filter/filter-crs-param: EPSG:4326 (latitude first) and Lambert-93', async () => {
    expect(await idsOf(`S_INTERSECTS(geo_shape, BBOX(48.85,2.33,48.87,2.36))`, { 'filter-crs': EPSG(4326) })).toEqual(idsWhere((r) => inBox(r, BOX)));
    // A Lambert-93 box selects the points inside it in Lambert-93: GDAL projects the raw points.
    const box93 = [650000, 6860000, 653000, 6863000];
    const projected = await gdalTransform(rows.map((r) => [r.lon, r.lat]), 'EPSG:4326', 'EPSG:2154');
    const expected = rows.filter((_, i) => projected[i][0] >= box93[0] && projected[i][0] <= box93[2] && projected[i][1] >= box93[1] && projected[i][1] <= box93[3]).map((r) => r.id).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(await idsOf(`S_INTERSECTS(geo_shape, BBOX(${box93.join(',')}))`, { 'filter-crs': EPSG(2154) })).toEqual(expected);
    expect(await refused({ filter: 'TRUE', 'filter-crs': 'EPSG:9999' }, 'filter-crs')).toMatch(/Unsupported filter-crs/);
  }, 120000);

  test('/conf/features-filter/mixing-expression (/req/filter/mixing-expressions): filter with bbox, datetime and a property filter', async () => {
    const filter = 'annee_tournage >= 2019';
    const got = await idsOf(filter, { bbox: BOX.join(','), datetime: '2019-01-01/2020-12-31', ardt_lieu: '75004' });
    const expected = idsWhere((r) => r.annee >= 2019 && inBox(r, BOX) && r.debut >= '2019-01-01' && r.debut <= '2020-12-31' && r.ardt === '75004');
    expect(expected.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });
});

describe('CQL2 text on the records (Basic CQL2, advanced comparison operators, basic spatial functions)', () => {
  test('comparisons on numbers, strings and dates', async () => {
    expect(await matched('annee_tournage >= 2020 AND annee_tournage < 2023')).toBe(rows.filter((r) => r.annee >= 2020 && r.annee < 2023).length);
    expect(await matched('2020 < annee_tournage')).toBe(rows.filter((r) => r.annee > 2020).length);
    expect(await matched("date_debut = DATE('2019-06-21')")).toBe(rows.filter((r) => r.debut === '2019-06-21').length);
    expect(await matched("date_debut > DATE('2023-06-30')")).toBe(rows.filter((r) => r.debut > '2023-06-30').length);
    expect(await matched("date_debut < TIMESTAMP('2017-01-01T00:00:00Z')")).toBe(rows.filter((r) => r.debut < '2017-01-01').length);
    expect(await idsOf("ardt_lieu < '75002'")).toEqual(idsWhere((r) => r.ardt !== '' && r.ardt < '75002'));
  });

  test('<> and NOT are false where the property has no value (three-valued logic)', async () => {
    const withName = rows.filter((r) => r.realisateur !== '');
    expect(withName.length).toBeLessThan(rows.length);
    const name = withName[0].realisateur;
    expect(await matched(`nom_realisateur <> '${name.replace(/'/g, "''")}'`)).toBe(withName.filter((r) => r.realisateur !== name).length);
    expect(await matched(`NOT (nom_realisateur = '${name.replace(/'/g, "''")}')`)).toBe(withName.filter((r) => r.realisateur !== name).length);
    expect(await matched('nom_realisateur IS NULL')).toBe(rows.length - withName.length);
    expect(await matched('nom_realisateur IS NOT NULL')).toBe(withName.length);
    expect(await matched('NOT annee_tournage = 2016')).toBe(rows.filter((r) => r.annee !== 2016).length);
  });

  test('AND binds tighter than OR; parentheses and NOT', async () => {
    expect(await matched("type_tournage = 'Série Web' OR type_tournage = 'Téléfilm' AND annee_tournage = 2019"))
      .toBe(rows.filter((r) => r.type === 'Série Web' || (r.type === 'Téléfilm' && r.annee === 2019)).length);
    expect(await matched("(type_tournage = 'Série Web' OR type_tournage = 'Téléfilm') AND annee_tournage = 2019"))
      .toBe(rows.filter((r) => (r.type === 'Série Web' || r.type === 'Téléfilm') && r.annee === 2019).length);
    expect(await matched("NOT (type_tournage = 'Série Web' OR annee_tournage <= 2020)"))
      .toBe(rows.filter((r) => !(r.type === 'Série Web' || r.annee <= 2020)).length);
  });

  test('LIKE: % and _ wildcards, case-sensitive; wildcard characters of Elasticsearch are plain text', async () => {
    const like = (pattern: string): RegExp => new RegExp(`^${pattern.split('').map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 's');
    for (const pattern of ['LES %', '%Paris%', '%PARIS%', 'L_ %', '%?', '%*%']) {
      const re = like(pattern);
      expect([pattern, await matched(`nom_tournage LIKE '${pattern}'`)]).toEqual([pattern, rows.filter((r) => re.test(r.titre)).length]);
    }
    const re = like('%Paris%');
    expect(await matched("nom_tournage NOT LIKE '%Paris%'")).toBe(rows.filter((r) => !re.test(r.titre)).length);
  });

  test('/conf/cql2-text/escaping: an embedded quote doubled or after a backslash (21-065r2 /req/cql2-text/escaping B)', async () => {
    const withQuote = rows.filter((r) => r.titre.includes("'")).length;
    expect(withQuote).toBeGreaterThan(0);
    expect(await matched("nom_tournage LIKE '%''%'")).toBe(withQuote);
    expect(await matched("nom_tournage LIKE '%\\'%'")).toBe(withQuote);
  });

  test('IN and BETWEEN', async () => {
    expect(await idsOf("ardt_lieu IN ('75001', '75002', '93500')")).toEqual(idsWhere((r) => ['75001', '75002', '93500'].includes(r.ardt)));
    expect(await matched("ardt_lieu NOT IN ('75018', '75008')")).toBe(rows.filter((r) => r.ardt !== '' && !['75018', '75008'].includes(r.ardt)).length);
    expect(await matched('annee_tournage BETWEEN 2017 AND 2018')).toBe(rows.filter((r) => r.annee >= 2017 && r.annee <= 2018).length);
    expect(await idsOf("date_debut BETWEEN DATE('2019-06-01') AND DATE('2019-06-30')")).toEqual(idsWhere((r) => r.debut >= '2019-06-01' && r.debut <= '2019-06-30'));
  });

  test('S_INTERSECTS with a POLYGON (a hole leaves its points out) and a POINT', async () => {
    const [w, s, e, n] = BOX;
    const outer = `(${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s})`;
    expect(await idsOf(`S_INTERSECTS(geo_shape, POLYGON(${outer}))`)).toEqual(idsWhere((r) => inBox(r, BOX)));
    const hole = [2.34, 48.855, 2.35, 48.865];
    const inner = `(${hole[0]} ${hole[1]}, ${hole[2]} ${hole[1]}, ${hole[2]} ${hole[3]}, ${hole[0]} ${hole[3]}, ${hole[0]} ${hole[1]})`;
    expect(await idsOf(`S_INTERSECTS(geo_shape, POLYGON(${outer}, ${inner}))`)).toEqual(idsWhere((r) => inBox(r, BOX) && !inBox(r, hole)));
    const p = rows[0];
    expect(await idsOf(`S_INTERSECTS(POINT(${p.lon} ${p.lat}), geo_shape)`)).toEqual(idsWhere((r) => r.lon === p.lon && r.lat === p.lat));
  });
});
