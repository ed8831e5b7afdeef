import { runInNewContext } from 'node:vm';
import pino from 'pino';
import Parser from 'rss-parser';
import { createApp } from '../../../src/http/app';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture } from '../../support/ingestFixture';
import { rawCsvObjects } from '../../support/rawFixtures';
import { TEST_NOW, testApp } from '../../support/recordsApp';
import { queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

const LIEUX = 'lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
let app: Express;

const CELLS = [
  ['=HYPERLINK("http://x")', '-5', 'a;b', '2024-07-01T12:00:00'],
  ['+1+1', '3.5', 'dit "oui"', '2024-01-15T08:30:00'],
  ['@SUM(A1)', '0', 'deux\r\nlignes', ''],
  ['\t=cmd', '-12', '-5', '2024-03-31T02:30:00'],
];

beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, LIEUX);
  await publishTinyCsv(deps, 'export-cells', [
    { name: 'formule', type: 'text' }, { name: 'nombre', type: 'double' }, { name: 'texte', type: 'text' }, { name: 'quand', type: 'datetime' },
  ], CELLS);
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

const get = (params: Record<string, string | number | string[]>) => request(app).get(`/api/records/1.0/search?${queryString(params)}`);
const raw = rawCsvObjects('lieux-de-tournage-a-paris.csv');
const rawById = new Map(raw.map((r) => [r['Identifiant du lieu'], r]));
const page = { dataset: LIEUX, rows: 25, sort: '-date_debut', 'refine.annee_tournage': '2019' };

describe('ODS JSON', () => {
  test('one line with ", " and ": ", keys in the reference order, parameters echoed, records as published', async () => {
    const res = await get({ ...page, facet: 'type_tournage' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.text).toMatch(/^\{"nhits": \d+, "parameters": \{"dataset": \["lieux-de-tournage-a-paris"\], /);
    expect(res.text).not.toContain('\n');
    expect(Object.keys(res.body)).toEqual(['nhits', 'parameters', 'records', 'facet_groups']);
    expect(res.body.parameters).toEqual({
      dataset: [LIEUX], rows: 25, start: 0, sort: ['-date_debut'], facet: ['type_tournage'], refine: { annee_tournage: '2019' }, format: 'json', timezone: 'UTC',
    });
    for (const r of res.body.records) {
      const source = rawById.get(r.fields.id_lieu)!;
      const [lat, lon] = source.geo_point_2d.split(',').map(Number);
      expect(r.fields.geo_point_2d).toEqual([lat, lon]);
      expect(r.geometry).toEqual({ type: 'Point', coordinates: [lon, lat] });
      expect(r.recordid).toMatch(/^[0-9a-f]{40}$/);
      expect(r.record_timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+00:00$/);
      expect('nom_producteur' in r.fields).toBe(source.Producteur.trim() !== '');
    }
  });

  test('pretty_print indents; timezone moves datetimes and record_timestamp', async () => {
    const pretty = await get({ ...page, rows: 1, pretty_print: 'true' });
    expect(pretty.text).toMatch(/^\{\n {4}"nhits": /);
    const utc = await get({ dataset: 'export-cells', rows: 10, sort: 'nombre' });
    const paris = await get({ dataset: 'export-cells', rows: 10, sort: 'nombre', timezone: 'Europe/Paris' });
    expect(utc.body.records.map((r: { fields: { quand?: string } }) => r.fields.quand)).toEqual(['2024-01-15T08:30:00+00:00', undefined, '2024-07-01T12:00:00+00:00', '2024-03-31T02:30:00+00:00']);
    expect(paris.body.records.map((r: { fields: { quand?: string } }) => r.fields.quand)).toEqual(['2024-01-15T09:30:00+01:00', undefined, '2024-07-01T14:00:00+02:00', '2024-03-31T04:30:00+02:00']);
    expect(paris.body.records[0].record_timestamp).toMatch(/\+0[12]:00$/);
  });

  test('fields= keeps those fields only; geometry only with a geo field', async () => {
    const some = await get({ ...page, rows: 3, fields: 'nom_tournage,annee_tournage' });
    expect(some.body.records.map((r: { fields: object; geometry?: object }) => [Object.keys(r.fields), r.geometry])).toEqual(Array(3).fill([['annee_tournage', 'nom_tournage'], undefined]));
    const geo = await get({ ...page, rows: 1, fields: 'geo_point_2d' });
    expect(Object.keys(geo.body.records[0])).toEqual(['datasetid', 'recordid', 'fields', 'geometry', 'record_timestamp']);
  });
});

describe('JSONP, GeoJSON, CSV', () => {
  test('jsonp: /**/callback(json), text/javascript, nosniff; evaluates to the JSON body', async () => {
    const json = await get(page);
    const res = await get({ ...page, format: 'jsonp', callback: 'portal.receive' });
    expect([res.headers['content-type'], res.headers['x-content-type-options']]).toEqual(['text/javascript; charset=utf-8', 'nosniff']);
    expect(res.text.startsWith('/**/portal.receive(')).toBe(true);
    let received: unknown;
    runInNewContext(res.text, { portal: { receive: (v: unknown) => { received = v; } } });
    expect(received).toEqual({ ...json.body, parameters: { ...json.body.parameters, format: 'jsonp' } });
  });

  test('geojson: a FeatureCollection of the page; the shape as geometry, the other fields as properties', async () => {
    const json = await get(page);
    const res = await get({ ...page, format: 'geojson' });
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.body.type).toBe('FeatureCollection');
    expect(res.body.features).toHaveLength(25);
    res.body.features.forEach((f: { type: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }, i: number) => {
      const record = json.body.records[i];
      const shape = JSON.parse(rawById.get(String(record.fields.id_lieu))!.geo_shape) as { type: string; coordinates: number[] };
      expect(f.type).toBe('Feature');
      expect(f.geometry).toEqual(shape);
      expect(f.properties).toEqual(Object.fromEntries(Object.entries(record.fields).filter(([k]) => k !== 'geo_shape')));
    });
    const wrapped = await get({ ...page, format: 'geojsonp', callback: 'cb' });
    let received: unknown;
    runInNewContext(wrapped.text, { cb: (v: unknown) => { received = v; } });
    expect(received).toEqual(res.body);
  });

  test('csv: header of names or labels, the chosen separator, optional BOM; parses back to the JSON page', async () => {
    const json = await get(page);
    const res = await get({ ...page, format: 'csv' });
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parseCsv(res.text, { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(25);
    rows.forEach((row, i) => {
      const fields = json.body.records[i].fields;
      expect(row.id_lieu).toBe(fields.id_lieu);
      expect(row.adresse_lieu).toBe(fields.adresse_lieu);
      expect(Number(row.annee_tournage)).toBe(fields.annee_tournage);
      expect(row.geo_point_2d).toBe(fields.geo_point_2d.join(','));
      expect(JSON.parse(row.geo_shape)).toEqual(fields.geo_shape);
    });
    const labelled = await get({ ...page, rows: 1, format: 'csv', csv_separator: ',', use_labels_for_header: 'true', with_bom: 'true' });
    expect(labelled.text.startsWith('\ufeffIdentifiant du lieu,')).toBe(true);
  });

  test('csv: formula-like text neutralised, numbers untouched, quoting survives ; quotes and newlines', async () => {
    const res = await get({ dataset: 'export-cells', rows: 10, sort: 'nombre', format: 'csv', fields: 'formule,nombre,texte' });
    const rows = parseCsv(res.text, { delimiter: ';', columns: true, relax_quotes: false }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      { formule: "'+1+1", nombre: '3.5', texte: 'dit "oui"' },
      { formule: "'@SUM(A1)", nombre: '0', texte: 'deux\r\nlignes' },
      { formule: '\'=HYPERLINK("http://x")', nombre: '-5', texte: 'a;b' },
      { formule: "'\t=cmd", nombre: '-12', texte: '-5' },
    ]);
  });
});

describe('RSS 2.0 and Atom (format=rss, format=atom)', () => {
  // Computed from the raw file: the places filmed in 2019 in the 1st arrondissement.
  const want = raw.filter((r) => r['Année du tournage'] === '2019' && r['Code postal'] === '75001');
  const feedPage = { dataset: LIEUX, rows: 1000, 'refine.annee_tournage': '2019', 'refine.ardt_lieu': '75001' };
  const readFeed = async (text: string) => new Parser().parseString(text);

  test.each([
    ['rss', 'application/rss+xml; charset=utf-8'],
    ['atom', 'application/atom+xml; charset=utf-8'],
  ])('%s: one item per record, titled by its place id, summarised with the raw values, linked to a lookup that answers', async (format, type) => {
    expect(want.length).toBeGreaterThan(5);
    const ok = await get({ ...feedPage, format });
    expect([ok.status, ok.headers['content-type']]).toEqual([200, type]);
    const feed = await readFeed(ok.text);
    expect(feed.items.map((i) => i.title).sort()).toEqual(want.map((r) => r['Identifiant du lieu']).sort());
    for (const item of feed.items.slice(0, 3)) {
      const r = rawById.get(item.title!)!;
      const summary = format === 'rss' ? item.content : item.summary;
      expect(summary).toContain(`Identifiant du lieu: ${item.title}; Année du tournage: 2019; Type de tournage: ${r['Type de tournage']}; Titre: ${r.Titre}`);
      const lookup = await request(app).get(new URL(item.link!).pathname);
      expect([lookup.status, lookup.body.fields?.id_lieu]).toEqual([200, item.title]);
    }
  });

  test('a page read in pieces is the same feed, byte for byte', async () => {
    const inPieces = createApp(deps, pino({ level: 'silent' }), { clock: () => TEST_NOW, pages: { pieceRows: 7, maxBytes: 64 * 1024 * 1024 } });
    for (const format of ['rss', 'atom']) {
      const params = { ...feedPage, format };
      // One Host for both: the feed names itself and its links by it.
      const [whole, pieces] = await Promise.all([get(params).set('Host', 'portal.test'), request(inPieces).get(`/api/records/1.0/search?${queryString(params)}`).set('Host', 'portal.test')]);
      expect(pieces.status).toBe(200);
      expect(pieces.text).toBe(whole.text);
      expect((await readFeed(pieces.text)).items).toHaveLength(want.length);
    }
  });

  test('format=kml is a 400 that lists rss and atom', async () => {
    const res = await get({ dataset: LIEUX, format: 'kml' });
    expect([res.status, res.body.error]).toEqual([400, expect.stringContaining('json, jsonp, geojson, geojsonp, csv, rss, atom')]);
  });
});

describe('record lookup and POST', () => {
  test('/api/datasets/1.0/<id>/records/<recordid>: the same record object as the search, JSON or JSONP', async () => {
    const found = (await get({ ...page, rows: 1, timezone: 'Europe/Paris' })).body.records[0];
    const path = `/api/datasets/1.0/${LIEUX}/records/${found.recordid}`;
    const res = await request(app).get(`${path}?timezone=Europe/Paris`);
    expect([res.status, res.body]).toEqual([200, found]);
    const wrapped = await request(app).get(`${path}/?format=jsonp&callback=show&timezone=Europe/Paris`);
    let received: unknown;
    runInNewContext(wrapped.text, { show: (v: unknown) => { received = v; } });
    expect(received).toEqual(found);
    const elsewhere = await request(app).get(`/api/datasets/1.0/${LIEUX}@default/records/${found.recordid}`);
    expect([elsewhere.status, elsewhere.body.datasetid]).toEqual([200, `${LIEUX}@default`]);
  });

  test('POST with a form or a JSON body answers as GET does', async () => {
    const viaGet = await get({ ...page, facet: 'type_tournage' });
    const form = await request(app).post('/api/records/1.0/search/').type('form').send(queryString({ ...page, facet: 'type_tournage' }));
    const json = await request(app).post('/api/records/1.0/search').send({ ...page, facet: ['type_tournage'], rows: 25 });
    expect(form.body).toEqual(viaGet.body);
    expect(json.body).toEqual(viaGet.body);
  });
});
