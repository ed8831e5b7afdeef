import type { Deps } from '../../src/execute/deps';
import { recordsAlias } from '../../src/schema/indexNames';
import { FIXTURE_IDS, ingestFixture } from '../support/ingestFixture';
import { rawCsvObjects, rawGeoJsonFeatures } from '../support/rawFixtures';
import { openTestDeps } from '../support/testDeps';

let deps: Deps & { close(): Promise<void> };
const reports = new Map<string, Awaited<ReturnType<typeof ingestFixture>>>();

beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of FIXTURE_IDS) reports.set(id, await ingestFixture(deps, id));
}, 600000);
afterAll(() => deps.close());

const alias = (id: string): string => recordsAlias(deps.indexPrefix, id);
const esCount = async (id: string, query?: object): Promise<number> => (await deps.es.count({ index: alias(id), query })).count;
const pgCount = async (id: string): Promise<number> =>
  Number((await deps.pool.query('SELECT count(*) AS n FROM records WHERE dataset_id = $1', [id])).rows[0].n);

const rawCount: Record<string, () => number> = {
  'lieux-de-tournage-a-paris': () => rawCsvObjects('lieux-de-tournage-a-paris.csv').length,
  'chantiers-perturbants': () => rawCsvObjects('chantiers-perturbants.csv').length,
  'liste-des-gares': () => rawCsvObjects('liste-des-gares.csv').length,
  'velib-emplacement-des-stations': () => rawCsvObjects('velib-emplacement-des-stations.csv').length,
  'communes-france': () => rawGeoJsonFeatures('communes-france.geojson.gz').length,
};

describe('publishing the five fixture datasets', () => {
  test.each(FIXTURE_IDS)('%s: every raw row is published once, in PostgreSQL and Elasticsearch', async (id) => {
    const expected = rawCount[id]();
    const report = reports.get(id)!;
    expect(report.rowsRead).toBe(expected);
    expect(report.published).toBe(expected);
    expect(report.warningCount).toBe(0);
    expect(await pgCount(id)).toBe(expected);
    expect(await esCount(id)).toBe(expected);
  });

  test('the published counts are the ones the data README states', () => {
    expect(FIXTURE_IDS.map((id) => reports.get(id)!.published)).toEqual([14760, 192, 4148, 1469, 35357]);
  });

  test('vélib: every station keeps its code, name, capacity and "lat, lon" point', async () => {
    const raw = rawCsvObjects('velib-emplacement-des-stations.csv');
    const { rows } = await deps.pool.query<{ fields: Record<string, unknown>; geometry: { coordinates: number[] } }>(
      'SELECT fields, geometry FROM records WHERE dataset_id = $1', ['velib-emplacement-des-stations'],
    );
    const byCode = new Map(rows.map((r) => [r.fields.stationcode as string, r]));
    expect(byCode.size).toBe(raw.length);
    for (const r of raw) {
      const got = byCode.get(r['Identifiant station'])!;
      const [lat, lon] = r['Coordonnées géographiques'].split(',').map((s) => Number(s.trim()));
      expect(got.fields).toEqual({
        stationcode: r['Identifiant station'], name: r['Nom de la station'],
        capacity: Number(r['Capacité de la station']), coordonnees_geo: [lat, lon],
      });
      expect(got.geometry.coordinates).toEqual([lon, lat]);
    }
  });

  test('lieux de tournage: counts per year in the index equal the raw file', async () => {
    const expected = new Map<string, number>();
    for (const r of rawCsvObjects('lieux-de-tournage-a-paris.csv')) {
      expected.set(r['Année du tournage'], (expected.get(r['Année du tournage']) ?? 0) + 1);
    }
    const res = await deps.es.search({
      index: alias('lieux-de-tournage-a-paris'), size: 0,
      aggs: { years: { terms: { field: 'v.annee_tournage', size: 100 } } },
    });
    const buckets = (res.aggregations!.years as { buckets: Array<{ key: number; doc_count: number }> }).buckets;
    expect(new Map(buckets.map((b) => [String(b.key), b.doc_count]))).toEqual(expected);
  });

  test('chantiers: cells spanning several lines are kept whole', async () => {
    const raw = rawCsvObjects('chantiers-perturbants.csv').filter((r) => r["Détail de l'impact sur la circulation"].includes('\n'));
    expect(raw.length).toBeGreaterThan(0);
    for (const r of raw) {
      const { rows } = await deps.pool.query(
        `SELECT fields->>'detail_impact_circulation' AS d FROM records WHERE dataset_id = $1 AND fields->>'identifiant' = $2`,
        ['chantiers-perturbants', r.Identifiant],
      );
      expect(rows.map((x) => x.d)).toEqual([r["Détail de l'impact sur la circulation"]]);
    }
  });

  test('communes: multivalued postal codes, hierarchy paths and centroids are indexed', async () => {
    const features = rawGeoJsonFeatures('communes-france.geojson.gz');
    const paris = features.filter((f) => (f.properties.codes_postaux as string[] | undefined)?.includes('75001')).length;
    expect(await esCount('communes-france', { term: { 'v.codes_postaux': '75001' } })).toBe(paris);
    const idf = features.filter((f) => String(f.properties.territoire ?? '').startsWith('Île-de-France/')).length;
    expect(idf).toBeGreaterThan(1000);
    expect(await esCount('communes-france', { term: { 'h.territoire.l1': 'Île-de-France' } })).toBe(idf);
    const withRegion = features.filter((f) => f.properties.region !== undefined).length;
    expect(await esCount('communes-france', { exists: { field: 'v.region' } })).toBe(withRegion);
    expect(await esCount('communes-france', { exists: { field: 'v.geo_point_2d' } })).toBe(features.length);
  });

  test('communes: PostgreSQL keeps each polygon and the properties as the file has them, as json, lz4-compressed where the server has lz4', async () => {
    const byCode = new Map(rawGeoJsonFeatures('communes-france.geojson.gz').map((f) => [String(f.properties.code), f]));
    const { rows } = await deps.pool.query<{ fields: Record<string, unknown> }>(
      "SELECT fields FROM records WHERE dataset_id = 'communes-france' ORDER BY recordid LIMIT 400",
    );
    expect(rows).toHaveLength(400);
    for (const { fields } of rows) {
      const raw = byCode.get(String(fields.code))!;
      expect(fields.geo_shape).toEqual(raw.geometry);
      expect(fields.nom).toBe(raw.properties.nom);
      expect(fields.population).toBe(raw.properties.population);
    }
    // A server without lz4 refuses it in a column definition: then the column keeps the default ('').
    const lz4 = await deps.pool.query('CREATE TEMP TABLE lz4_probe (x text COMPRESSION lz4)').then(() => true, () => false);
    const { rows: [column] } = await deps.pool.query<{ compression: string; type: string }>(
      "SELECT attcompression AS compression, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'records'::regclass AND attname = 'fields'",
    );
    // json since migration 008: the text as written, never parsed into jsonb's form.
    expect(column).toEqual({ compression: lz4 ? 'l' : '', type: 'json' });
  });
});
