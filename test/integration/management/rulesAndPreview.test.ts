import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { jobEnd, JobBody, M, uploadAndWait } from '../../support/management';
import { ogrSql, ogrSqlOver } from '../../support/ogrSql';
import { FIXTURES, rawCsvObjects, rawCsvObjectsWithLines } from '../../support/rawFixtures';
import { openTestDeps } from '../../support/testDeps';

/**
 * Rules, capabilities and dry runs over HTTP (issue 14). The rules' figures are checked against
 * GDAL/SpatiaLite (geodesic area on the ellipsoid, PROJ's Lambert-93); the preview against the raw file.
 */
const REGIONS = join(FIXTURES, 'geo', 'regions.geojson');
const VELIB = join(FIXTURES, 'data', 'velib-emplacement-des-stations.csv');

let deps: Deps & { close(): Promise<void> };
let app: Express;
let key: string;
const auth = () => ({ Authorization: `Apikey ${key}` });

beforeAll(async () => {
  deps = await openTestDeps();
  key = (await createApiKey(deps.pool, 'default', 'rules', 'write')).key;
  app = createApp(deps, pino({ level: 'silent' }), { uploads: { dir: mkdtempSync(join(tmpdir(), 'portal-search-uploads-')), maxBytes: 16 * 1024 * 1024 } });
  const job = await uploadAndWait(app, key, REGIONS, { id: 'rules-regions' });
  if (job.status !== 'COMPLETED') throw new Error(`regions: ${job.error}`);
}, 300_000);
afterAll(() => deps.close());

describe('capabilities and rules', () => {
  test('capabilities lists each processor with its config schema', async () => {
    const res = await request(app).get(`${M}/capabilities`).set(auth());
    const caps = res.body.capabilities as Array<{ name: string; description: string; config: { type: string; properties: Record<string, unknown> } }>;
    expect(caps.map((c) => c.name).sort()).toEqual(['area_length', 'buffer', 'centroid', 'reproject', 'simplify']);
    for (const c of caps) expect([c.name, c.description.length > 10, c.config.type]).toEqual([c.name, true, 'object']);
    expect(Object.keys(caps.find((c) => c.name === 'buffer')!.config.properties)).toEqual(expect.arrayContaining(['distance']));
  });

  test('validate says, rule by rule, what does not fit, and runs nothing', async () => {
    const res = await request(app).post(`${M}/datasets/rules-regions/rules/validate`).set(auth()).send({
      rules: [
        { capability: 'buffer', config: { distance: -5 } },
        { capability: 'bufer', config: {} },
        { capability: 'reproject', config: { crs: 'EPSG:9999', x_column: 'x', y_column: 'y' } },
        { capability: 'area_length', config: { area_column: 'surface_m2' } },
      ],
    });
    expect(res.status).toBe(200);
    const reports = res.body.rules as Array<{ name: string; valid: boolean; errors: string[] }>;
    expect(res.body.valid).toBe(false);
    expect(reports.map((r) => [r.name, r.valid])).toEqual([['buffer_1', false], ['bufer_2', false], ['reproject_3', false], ['area_length_4', true]]);
    expect(reports[0].errors).toEqual(['config.distance: must be more than 0 metres']);
    expect(reports[1].errors[0]).toMatch(/^unknown capability "bufer" \(known: area_length, buffer, centroid, reproject, simplify\)/);
    expect(reports[2].errors[0]).toMatch(/^config\.crs: unknown CRS "EPSG:9999"/);
    expect((await request(app).get(`${M}/datasets/rules-regions/rules`).set(auth())).body.rules).toEqual([]);
    // Storing rules that do not fit is a 422 with the same messages.
    const put = await request(app).put(`${M}/datasets/rules-regions/rules`).set(auth()).send({ rules: [{ capability: 'buffer', config: { distance: -5 } }] });
    expect([put.status, put.body.errors]).toEqual([422, ['rule buffer_1 (buffer): config.distance: must be more than 0 metres']]);
  });

  test('stored rules run at the next publish: areas within 0.5 % of SpatiaLite\'s, Lambert-93 coordinates as PROJ gives them', async () => {
    const rules = [
      { name: 'mesures', capability: 'area_length', config: { area_column: 'surface_m2', length_column: 'perimetre_m' } },
      { name: 'centre', capability: 'centroid', config: { target: 'centre' } },
      { name: 'l93', capability: 'reproject', config: { crs: 'EPSG:2154', field: 'centre', x_column: 'x_l93', y_column: 'y_l93' } },
    ];
    const put = await request(app).put(`${M}/datasets/rules-regions/rules`).set(auth()).send({ rules });
    expect(put.status).toBe(200);
    const one = await request(app).get(`${M}/datasets/rules-regions/rules/centre`).set(auth());
    expect(one.body).toEqual(rules[1]);
    const started = await request(app).post(`${M}/jobs`).set(auth()).send({ dataset: 'rules-regions' });
    expect(started.status).toBe(202);
    const job = await jobEnd(app, key, (started.body as JobBody).id);
    expect([job.status, job.rows_warned]).toEqual(['COMPLETED', 0]);
    const search = await request(app).get('/api/records/1.0/search').query({ dataset: 'rules-regions', rows: 20 });
    const records = search.body.records as Array<{ fields: { code: number | string; surface_m2: number; perimetre_m: number; centre: [number, number]; x_l93: number; y_l93: number } }>;
    expect(records).toHaveLength(13);
    const oracle = new Map(ogrSql(REGIONS, 'SELECT code, ST_Area(geometry, 1) AS area, ST_Perimeter(geometry, 1) AS perimeter FROM regions').map((r) => [String(r.code), r]));
    for (const r of records) {
      const o = oracle.get(String(r.fields.code))!;
      expect([r.fields.code, Math.abs(r.fields.surface_m2 / (o.area as number) - 1) < 0.005]).toEqual([r.fields.code, true]);
      expect([r.fields.code, Math.abs(r.fields.perimetre_m / (o.perimeter as number) - 1) < 0.005]).toEqual([r.fields.code, true]);
    }
    const projected = ogrSqlOver(records.map((r) => ({ geometry: { type: 'Point', coordinates: [r.fields.centre[1], r.fields.centre[0]] }, properties: { code: String(r.fields.code) } })),
      'SELECT code, ST_X(ST_Transform(geometry, 2154)) AS x, ST_Y(ST_Transform(geometry, 2154)) AS y FROM features');
    const byCode = new Map(projected.map((p) => [String(p.code), p]));
    for (const r of records) {
      const p = byCode.get(String(r.fields.code))!;
      expect([r.fields.code, Math.abs(r.fields.x_l93 - (p.x as number)) < 0.01, Math.abs(r.fields.y_l93 - (p.y as number)) < 0.01]).toEqual([r.fields.code, true, true]);
    }
    // A rule the ones after it read cannot be removed alone.
    const del = await request(app).delete(`${M}/datasets/rules-regions/rules/centre`).set(auth());
    expect([del.status, del.body.errors]).toEqual([422, [expect.stringMatching(/^rule l93 \(reproject\): /)]]);
    expect((await request(app).delete(`${M}/datasets/rules-regions/rules/l93`).set(auth())).status).toBe(204);
    expect((await request(app).get(`${M}/datasets/rules-regions/rules`).set(auth())).body.rules.map((r: { name: string }) => r.name)).toEqual(['mesures', 'centre']);
  });

  test('a buffer of a point by r metres covers about πr² (SpatiaLite\'s area of the published shape)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'buffer-'));
    const file = join(dir, 'points.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nom: 'Notre-Dame' }, geometry: { type: 'Point', coordinates: [2.3499, 48.853] } }] }));
    await uploadAndWait(app, key, file, { id: 'rules-buffer' });
    const job = await request(app).post(`${M}/jobs`).set(auth()).send({ dataset: 'rules-buffer', rules: [{ name: 'zone', capability: 'buffer', config: { distance: 500, field: 'geo_shape', target: 'zone' } }] });
    expect((await jobEnd(app, key, (job.body as JobBody).id)).status).toBe('COMPLETED');
    const search = await request(app).get('/api/records/1.0/search').query({ dataset: 'rules-buffer' });
    const zone = (search.body.records as Array<{ fields: { zone: unknown } }>)[0].fields.zone;
    const [{ area }] = ogrSqlOver([{ geometry: zone, properties: {} }], 'SELECT ST_Area(geometry, 1) AS area FROM features');
    expect(Math.abs((area as number) / (Math.PI * 500 * 500) - 1)).toBeLessThan(0.01);
    // The rules of a job are its own: the dataset's stored rules are unchanged.
    expect((await request(app).get(`${M}/datasets/rules-buffer/rules`).set(auth())).body.rules).toEqual([]);
  });
});

describe('preview', () => {
  test('an upload is read as it would be published: proposed fields, the first 20 records, nothing published', async () => {
    const raw = rawCsvObjects('velib-emplacement-des-stations.csv');
    const written = async () => (await deps.pool.query<{ n: string }>('SELECT (SELECT count(*) FROM datasets) + (SELECT count(*) FROM ingest_jobs) + (SELECT count(*) FROM records) AS n')).rows[0].n;
    const before = await written();
    const res = await request(app).post(`${M}/preview`).set(auth()).attach('file', VELIB);
    expect(res.status).toBe(200);
    expect(res.body.descriptor.id).toBe('velib-emplacement-des-stations');
    expect((res.body.descriptor.fields as Array<{ label: string }>).map((f) => f.label)).toEqual(Object.keys(raw[0]));
    expect([res.body.rows_read, res.body.would_be_refused]).toEqual([raw.length, null]);
    // The station codes of the first 500 rows are all digits (inferred int): a later code that is not warns, with its line.
    const codeField = (res.body.descriptor.fields as Array<{ name: string; label: string; type: string }>).find((f) => f.label === 'Identifiant station')!;
    expect(raw.slice(0, 500).every((r) => /^\d+$/.test(r['Identifiant station']))).toBe(true);
    const notDigits = rawCsvObjectsWithLines('velib-emplacement-des-stations.csv').filter((r) => !/^\d+$/.test(r.row['Identifiant station']));
    expect(codeField.type).toBe('int');
    expect((res.body.warnings as Array<{ position: number; field: string }>).map((w) => [w.position, w.field])).toEqual(notDigits.map((r) => [r.line, codeField.name]));
    const records = res.body.records as Array<{ fields: Record<string, unknown> }>;
    expect(records).toHaveLength(20);
    const nameField = (res.body.descriptor.fields as Array<{ name: string; label: string }>).find((f) => f.label === 'Nom de la station')!.name;
    expect(records.map((r) => r.fields[nameField])).toEqual(raw.slice(0, 20).map((r) => r['Nom de la station']));
    // Nothing was written: no dataset, no job, no record.
    expect(await written()).toBe(before);
  });

  test('a broken file: every warning with its line and field, and the refusal publishing would meet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    const file = join(dir, 'broken.csv');
    writeFileSync(file, 'nom;nombre\na;1\nb;deux\nc;3\n');
    const descriptor = JSON.stringify({ id: 'broken', metadata: { title: 'Broken' }, fields: [{ name: 'nom', type: 'text' }, { name: 'nombre', type: 'int' }] });
    const res = await request(app).post(`${M}/preview`).set(auth()).field('descriptor', descriptor).attach('file', file);
    expect([res.status, res.body.detail]).toEqual([200, undefined]);
    expect(res.body.warnings).toEqual([{ position: 3, field: 'nombre', message: expect.stringContaining('deux') }]);
    expect(res.body.would_be_refused).toMatchObject({ reason: 'too_many_warnings' });
  });

  test('a dataset\'s stored source, previewed again with its fields', async () => {
    const res = await request(app).post(`${M}/datasets/rules-regions/preview`).set(auth());
    expect([res.status, res.body.rows_read, res.body.filename]).toEqual([200, 13, 'regions.geojson']);
    expect((res.body.descriptor.fields as Array<{ name: string }>).map((f) => f.name)).not.toContain('surface_m2');
  });
});
