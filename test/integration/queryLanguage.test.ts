import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compilePredicate } from '../../src/compile/compilePredicate';
import type { Deps } from '../../src/execute/deps';
import { catalogAlias, recordsAlias } from '../../src/schema/indexNames';
import { CATALOG_QUERY_SCHEMA } from '../../src/schema/catalogQuerySchema';
import { planQuery } from '../../src/plan/planQuery';
import type { QuerySchema } from '../../src/model/querySchema';
import { recordQuerySchema } from '../../src/schema/recordQuerySchema';
import { ensureFixture } from '../support/ingestFixture';
import { importParisCatalog } from '../support/parisCatalog';
import { FIXTURES, rawCsvObjects, rawGeoJsonFeatures } from '../support/rawFixtures';
import { hasPhrase, hasWordStarting } from '../support/rawText';
import { searchAll } from '../support/searchAll';
import { openTestDeps } from '../support/testDeps';

const LIEUX = 'lieux-de-tournage-a-paris';
const COMMUNES = 'communes-france';
let deps: Deps & { close(): Promise<void> };
const schemas = new Map<string, QuerySchema>();

beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of [LIEUX, COMMUNES]) schemas.set(id, recordQuerySchema((await ensureFixture(deps, id)).fields));
}, 600000);
afterAll(() => deps.close());

const NOW = Date.parse('2026-11-21T10:30:00Z');
const sorted = (xs: string[]): string[] => [...xs].sort();

/** The `id_field` values of the records a query matches, through parse → plan → compile → real Elasticsearch. */
async function matched(dataset: string, q: string, idField: string, timeZone = 'UTC'): Promise<string[]> {
  const query = compilePredicate(planQuery(q, { schema: schemas.get(dataset)!, timeZone, now: NOW }));
  const docs = await searchAll(deps, recordsAlias(deps.indexPrefix, dataset), query);
  return sorted(docs.map((d) => String((d.fields as Record<string, unknown>)[idField])));
}

describe('records of lieux-de-tournage-a-paris, against the raw CSV', () => {
  const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv');
  const ids = (keep: (r: Record<string, string>) => boolean): string[] => sorted(raw.filter(keep).map((r) => r['Identifiant du lieu']));
  const textColumns = ['Identifiant du lieu', 'Type de tournage', 'Titre', 'Réalisateur', 'Producteur', 'Localisation de la scène', 'Code postal'];
  const allText = (r: Record<string, string>): string[] => textColumns.map((c) => r[c]);
  const q = (text: string, tz?: string) => matched(LIEUX, text, 'id_lieu', tz);

  test('2019 shoots of type "Série TV" at an address with a word starting with "rue"', async () => {
    const expected = ids((r) => r['Année du tournage'] === '2019' && hasPhrase(r['Type de tournage'], 'serie tv') && hasWordStarting(r['Localisation de la scène'], 'rue'));
    expect(expected.length).toBeGreaterThan(100);
    expect(await q('annee_tournage:2019 AND type_tournage:"Série TV" AND adresse_lieu:rue')).toEqual(expected);
  });

  test('date_debut >= 2020/06 AND date_debut < 2021 (partial dates are whole periods)', async () => {
    const expected = ids((r) => r['Date de début'] >= '2020-06-01' && r['Date de début'] < '2021-01-01');
    expect(await q('date_debut >= 2020/06 AND date_debut < 2021')).toEqual(expected);
    expect(await q('date_debut >= 2020/06 AND date_debut < 2021', 'Pacific/Kiritimati')).toEqual(expected);
    expect(await q('date_debut:[2020/06 TO 2020/12]')).toEqual(expected);
  });

  test('#null(nom_producteur) and its negation', async () => {
    const blank = ids((r) => r.Producteur.trim() === '');
    expect(blank.length).toBe(32);
    expect(await q('#null(nom_producteur)')).toEqual(blank);
    expect((await q('NOT #null(nom_producteur)')).length).toBe(raw.length - blank.length);
  });

  test('a phrase with accents typed without them matches whole words in order', async () => {
    const expected = ids((r) => allText(r).some((t) => hasPhrase(t, 'bureau des legendes')));
    expect(expected.length).toBeGreaterThan(10);
    expect(await q('"bureau des legendes"')).toEqual(expected);
    expect(await q('"BUREAU DES LÉGENDES"')).toEqual(expected);
  });

  test('a bare word matches longer words starting with it, in any text field; a quoted word only itself', async () => {
    expect(await q('prod')).toEqual(ids((r) => allText(r).some((t) => hasWordStarting(t, 'prod'))));
    expect(await q('"production"')).toEqual(ids((r) => allText(r).some((t) => hasPhrase(t, 'production'))));
  });

  test('boolean precedence: a OR b AND NOT c', async () => {
    const expected = ids((r) => r['Type de tournage'] === 'Téléfilm' || (r['Code postal'] === '75013' && r['Année du tournage'] !== '2019'));
    expect(await q('type_tournage=="Téléfilm" OR ardt_lieu:75013 AND NOT annee_tournage=2019')).toEqual(expected);
  });

  test('numeric comparisons and inclusive ranges', async () => {
    expect(await q('annee_tournage:[2016 TO 2018]')).toEqual(ids((r) => ['2016', '2017', '2018'].includes(r['Année du tournage'])));
    expect(await q('annee_tournage > 2022.5')).toEqual(ids((r) => Number(r['Année du tournage']) >= 2023));
    expect(await q('coord_y >= 48.87 AND coord_x < 2.3')).toEqual(ids((r) => Number(r['Coordonnée en Y']) >= 48.87 && Number(r['Coordonnée en X']) < 2.3));
  });

  test('#exact and #startswith are case-sensitive', async () => {
    expect(await q('#exact(nom_tournage, "BARON NOIR")')).toEqual(ids((r) => r.Titre === 'BARON NOIR'));
    expect(await q('#startswith(nom_tournage, "LE BUREAU")')).toEqual(ids((r) => r.Titre.startsWith('LE BUREAU')));
    expect(await q('#startswith(nom_tournage, "le bureau")')).toEqual(ids((r) => r.Titre.startsWith('le bureau')));
  });

  test('#distance: everything clearly inside is found, nothing clearly outside', async () => {
    const [lat0, lon0] = [48.86, 2.35];
    const metres = (r: Record<string, string>): number => {
      const [lat, lon] = r.geo_point_2d.split(',').map(Number);
      const rad = Math.PI / 180;
      const a = Math.sin(((lat - lat0) * rad) / 2) ** 2 + Math.cos(lat * rad) * Math.cos(lat0 * rad) * Math.sin(((lon - lon0) * rad) / 2) ** 2;
      return 2 * 6371008.7714 * Math.asin(Math.sqrt(a));
    };
    const got = new Set(await q('#distance(geo_point_2d, "48.86, 2.35", 1000)'));
    const inside = ids((r) => metres(r) < 999), outside = ids((r) => metres(r) > 1001);
    expect(inside.length).toBeGreaterThan(100);
    expect(inside.every((id) => got.has(id))).toBe(true);
    expect(outside.some((id) => got.has(id))).toBe(false);
  });

  test('#polygon: a rectangle around the Marais', async () => {
    const got = await q('#polygon(geo_point_2d, "(48.850,2.350),(48.865,2.350),(48.865,2.370),(48.850,2.370)")');
    const expected = ids((r) => {
      const [lat, lon] = r.geo_point_2d.split(',').map(Number);
      return lat > 48.850 && lat < 48.865 && lon > 2.350 && lon < 2.370;
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(got).toEqual(expected);
  });
});

describe('communes-france, against the raw GeoJSON', () => {
  const raw = rawGeoJsonFeatures('communes-france.geojson.gz').map((f) => f.properties);
  const codes = (keep: (p: Record<string, unknown>) => boolean): string[] => sorted(raw.filter(keep).map((p) => String(p.code)));
  const q = (text: string) => matched(COMMUNES, text, 'code');

  test('population comparison and a multivalued exact match', async () => {
    const bigOr75001 = codes((p) => Number(p.population) > 100000 || (p.codes_postaux as string[] | undefined)?.includes('75001') === true);
    expect(await q('population > 100000 OR codes_postaux=="75001"')).toEqual(bigOr75001);
  });

  test('#search(nom, "saint-d") : whole words then a prefix', async () => {
    const expected = codes((p) => {
      const words = String(p.nom).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}]+/u);
      return words.includes('saint') && words.some((w) => w.startsWith('d'));
    });
    expect(expected.length).toBeGreaterThan(50);
    expect(await q('#search(nom, "saint-d")')).toEqual(expected);
  });
});

describe('catalog `modified` (a datetime) in the request time zone', () => {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'catalog', 'opendata-paris-catalog.json'), 'utf8')) as Array<{ dataset_id: string; metas: { default: { modified?: string } } }>;
  const rawIds = new Set(raw.map((e) => e.dataset_id));
  const modified = (lo: string, hi: string): string[] =>
    sorted(raw.filter((e) => { const t = Date.parse(e.metas.default.modified ?? ''); return t >= Date.parse(lo) && t < Date.parse(hi); }).map((e) => e.dataset_id));

  async function datasets(q: string, timeZone: string): Promise<string[]> {
    const query = compilePredicate(planQuery(q, { schema: CATALOG_QUERY_SCHEMA, timeZone, now: NOW }));
    const docs = await searchAll(deps, catalogAlias(deps.indexPrefix), query, 'datasetid');
    return sorted(docs.map((d) => String(d.datasetid)).filter((id) => rawIds.has(id)));
  }

  beforeAll(() => importParisCatalog(deps), 120000);

  test('modified:2019 is 2019 in UTC, or 2019 in Paris (UTC+1 in winter)', async () => {
    const utc = modified('2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
    const paris = modified('2018-12-31T23:00:00Z', '2019-12-31T23:00:00Z');
    expect(utc.length).toBeGreaterThan(40);
    expect(await datasets('modified:2019', 'UTC')).toEqual(utc);
    expect(await datasets('modified:2019', 'Europe/Paris')).toEqual(paris);
  });

  test('modified >= 2023/07/14 in Paris starts at 22:00 UTC the day before (UTC+2 in summer)', async () => {
    expect(await datasets('modified >= 2023/07/14', 'Europe/Paris')).toEqual(modified('2023-07-13T22:00:00Z', '9999-01-01T00:00:00Z'));
  });
});
