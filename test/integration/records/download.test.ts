import { get as httpGet, IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import type { Client } from '@elastic/elasticsearch';
import type { Deps } from '../../../src/execute/deps';
import { createEsClient } from '../../../src/execute/elasticsearch';
import { createApp } from '../../../src/http/app';
import { createHttpServer } from '../../../src/http/httpServer';
import { recordsAlias } from '../../../src/schema/indexNames';
import { ensureFixture, FIXTURE_IDS } from '../../support/ingestFixture';
import { rawCsvObjects, rawGeoJsonFeatures } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { TcpProxy } from '../../support/tcpProxy';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of FIXTURE_IDS) await ensureFixture(deps, id);
  app = testApp(deps, 700);
}, 900000);
afterAll(() => deps.close());

/** Per fixture: the key of each raw row, and the same key read back from an exported record's fields. */
const KEYS: Record<string, { raw: () => string[]; exported: (f: Record<string, unknown>) => string }> = {
  'lieux-de-tournage-a-paris': {
    raw: () => rawCsvObjects('lieux-de-tournage-a-paris.csv').map((r) => `${r['Identifiant du lieu']}|${r['Date de début']}|${r['Localisation de la scène']}`),
    exported: (f) => `${f.id_lieu}|${f.date_debut ?? ''}|${f.adresse_lieu ?? ''}`,
  },
  'chantiers-perturbants': { raw: () => rawCsvObjects('chantiers-perturbants.csv').map((r) => `${r.Identifiant}|${r['Date de début']}`), exported: (f) => `${f.identifiant}|${f.date_debut ?? ''}` },
  'liste-des-gares': { raw: () => rawCsvObjects('liste-des-gares.csv').map((r) => `${r.code_uic}|${r.libelle}|${r.pk}`), exported: (f) => `${f.code_uic}|${f.libelle}|${f.pk ?? ''}` },
  'velib-emplacement-des-stations': {
    raw: () => rawCsvObjects('velib-emplacement-des-stations.csv').map((r) => `${r['Identifiant station']}|${r['Capacité de la station']}`),
    exported: (f) => `${f.stationcode}|${f.capacity}`,
  },
  'communes-france': { raw: () => rawGeoJsonFeatures('communes-france.geojson.gz').map((f) => `${f.properties.code}|${f.properties.population ?? ''}`), exported: (f) => `${f.code}|${f.population ?? ''}` },
};
const sorted = (xs: string[]): string[] => [...xs].sort();
const download = (query: string) => request(app).get(`/api/records/1.0/download?${query}`).buffer(true).parse((res, done) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (c: string) => { text += c; });
  res.on('end', () => done(null, text));
});

describe('downloads: every record exactly once, in every format', () => {
  test.each(FIXTURE_IDS)('%s as ndjson: one record per line', async (id) => {
    const ndjson = await download(`dataset=${id}&format=ndjson`);
    expect([ndjson.status, ndjson.headers['content-type']]).toEqual([200, 'application/x-ndjson; charset=utf-8']);
    const lines = (ndjson.body as string).split('\n');
    // Each line a JSON object, and a newline after the last one.
    expect(lines.pop()).toBe('');
    const records = lines.map((l) => JSON.parse(l) as { fields: Record<string, unknown> });
    expect(sorted(records.map((r) => KEYS[id].exported(r.fields)))).toEqual(sorted(KEYS[id].raw()));
  });

  test.each(FIXTURE_IDS)('%s as csv (the default), json and geojson', async (id) => {
    const expected = sorted(KEYS[id].raw());
    const csv = await download(`dataset=${id}`);
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const rows = parseCsv(csv.body as string, { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    // A cell a spreadsheet would run as a formula came out with a leading ' (and only such cells).
    const cell = (v: string): string | undefined => (v === '' ? undefined : /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
    const csvKeys = rows.map((r) => KEYS[id].exported(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cell(v)]))));
    expect(sorted(csvKeys)).toEqual(expected);
    const json = JSON.parse((await download(`dataset=${id}&format=json`)).body as string) as Array<{ fields: Record<string, unknown> }>;
    expect(sorted(json.map((r) => KEYS[id].exported(r.fields)))).toEqual(expected);
    const geo = JSON.parse((await download(`dataset=${id}&format=geojson`)).body as string) as { type: string; features: Array<{ type: string; geometry: { type: string; coordinates: unknown } | null; properties: Record<string, unknown> }> };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.every((f) => f.type === 'Feature' && (f.geometry === null || (typeof f.geometry.type === 'string' && Array.isArray(f.geometry.coordinates))))).toBe(true);
    expect(sorted(geo.features.map((f) => KEYS[id].exported(f.properties)))).toEqual(expected);
  });

  test('communes-france: each commune\'s shape is the raw file\'s geometry in csv, json, ndjson and geojson, written with ODS\'s separators in JSON', async () => {
    // The expected shapes come from the raw file; the JSON text ODS writes is JSON.stringify's with ", " and ": " outside strings.
    const widened = (text: string): string => text.replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (m) => (m.length === 1 ? `${m} ` : m));
    const expected = sorted(rawGeoJsonFeatures('communes-france.geojson.gz').map((f) => `${f.properties.code}|${JSON.stringify(f.geometry)}`));
    const csv = parseCsv((await download('dataset=communes-france')).body as string, { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect(sorted(csv.map((r) => `${r.code}|${JSON.stringify(JSON.parse(r.geo_shape))}`))).toEqual(expected);
    const json = (await download('dataset=communes-france&format=json')).body as string;
    expect(sorted((JSON.parse(json) as Array<{ fields: Record<string, unknown> }>).map((r) => `${r.fields.code}|${JSON.stringify(r.fields.geo_shape)}`))).toEqual(expected);
    const ndjson = ((await download('dataset=communes-france&format=ndjson')).body as string).trimEnd().split('\n').map((l) => JSON.parse(l) as { fields: Record<string, unknown> });
    expect(sorted(ndjson.map((r) => `${r.fields.code}|${JSON.stringify(r.fields.geo_shape)}`))).toEqual(expected);
    const geojson = (await download('dataset=communes-france&format=geojson')).body as string;
    const features = (JSON.parse(geojson) as { features: Array<{ geometry: unknown; properties: Record<string, unknown> }> }).features;
    expect(sorted(features.map((f) => `${f.properties.code}|${JSON.stringify(f.geometry)}`))).toEqual(expected);
    const first = rawGeoJsonFeatures('communes-france.geojson.gz')[0].geometry;
    expect([json.includes(`"geo_shape": ${widened(JSON.stringify(first))}`), geojson.includes(`"geometry": ${widened(JSON.stringify(first))}`)]).toEqual([true, true]);
  });

  test('rows=0: a whole, empty export (the header alone in csv, an empty array in json)', async () => {
    const id = 'velib-emplacement-des-stations';
    const json = await download(`dataset=${id}&rows=0&format=json`);
    expect([json.status, JSON.parse(json.body as string)]).toEqual([200, []]);
    const csv = await download(`dataset=${id}&rows=0`);
    expect([csv.status, (csv.body as string).split('\r\n')]).toEqual([200, [['stationcode', 'name', 'capacity', 'coordonnees_geo'].join(';'), '']]);
  });

  test('jsonp and geojsonp wrap the same bodies; rows caps; filters apply; with_bom, separator and labels', async () => {
    const id = 'velib-emplacement-des-stations';
    const json = (await download(`dataset=${id}&format=json&q=capacity>40&sort=-capacity`)).body as string;
    const raw = rawCsvObjects('velib-emplacement-des-stations.csv').filter((r) => Number(r['Capacité de la station']) > 40);
    expect(JSON.parse(json)).toHaveLength(raw.length);
    const jsonp = (await download(`dataset=${id}&format=jsonp&callback=cb&q=capacity>40&sort=-capacity`)).body as string;
    expect(jsonp).toBe(`/**/cb(${json});`);
    const geojson = (await download(`dataset=${id}&format=geojson&q=capacity>40&sort=-capacity`)).body as string;
    expect(JSON.parse(geojson).features).toHaveLength(raw.length);
    const geojsonp = await download(`dataset=${id}&format=geojsonp&callback=cb&q=capacity>40&sort=-capacity`);
    expect([geojsonp.status, geojsonp.headers['content-type'], geojsonp.body]).toEqual([200, 'text/javascript; charset=utf-8', `/**/cb(${geojson});`]);
    const capped = JSON.parse((await download(`dataset=${id}&format=json&rows=5&sort=capacity`)).body as string) as Array<{ fields: { capacity: number } }>;
    expect(capped.map((r) => r.fields.capacity)).toEqual(rawCsvObjects('velib-emplacement-des-stations.csv').map((r) => Number(r['Capacité de la station'])).sort((a, b) => b - a).slice(0, 5));
    const bom = (await download(`dataset=${id}&rows=1&with_bom=true`)).body as string;
    const plain = (await download(`dataset=${id}&rows=1`)).body as string;
    expect([plain.charCodeAt(0) === 0xfeff, bom]).toEqual([false, `\ufeff${plain}`]);
    const tsv = (await download(`dataset=${id}&rows=1&csv_separator=%09&use_labels_for_header=true`)).body as string;
    expect(tsv.split('\r\n')[0]).toBe(['Identifiant station', 'Nom de la station', 'Capacité de la station', 'Coordonnées géographiques'].join('\t'));
  });

  // Issue 13 §6: both answered 200 and then cut the connection (a record without any field asked for had no `fields`).
  test('fields= naming a field that some records leave empty: every record, in every format', async () => {
    const id = 'chantiers-perturbants';
    const rawValues = rawCsvObjects('chantiers-perturbants.csv').map((r) => r['Identifiant CTV']);
    expect(rawValues.filter((v) => v === '').length).toBeGreaterThan(0);
    const csv = await download(`dataset=${id}&fields=identifiant_ctv`);
    const rows = parseCsv(csv.body as string, { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    expect([csv.status, sorted(rows.map((r) => r.identifiant_ctv))]).toEqual([200, sorted(rawValues)]);
    for (const format of ['json', 'ndjson', 'geojson']) {
      const res = await download(`dataset=${id}&fields=identifiant_ctv&format=${format}`);
      const body = res.body as string;
      const records = (format === 'ndjson' ? body.trimEnd().split('\n').map((l) => JSON.parse(l)) : format === 'json' ? JSON.parse(body) : JSON.parse(body).features) as Array<{ fields?: Record<string, string>; properties?: Record<string, string> }>;
      expect([format, res.status, sorted(records.map((r) => (r.fields ?? r.properties)?.identifiant_ctv ?? ''))]).toEqual([format, 200, sorted(rawValues)]);
    }
  });

  test('fields= that names no field: a 400 naming fields, before any byte of an export', async () => {
    for (const fields of ['', ',', ' , ']) {
      const res = await request(app).get(`/api/records/1.0/download?dataset=chantiers-perturbants&fields=${encodeURIComponent(fields)}&format=json`);
      expect([res.status, res.headers['content-type'], res.body.parameter]).toEqual([400, expect.stringMatching(/^application\/json/), 'fields']);
    }
  });
});

/** Bytes read so far and a way to resume, on a raw HTTP response that the test reads slowly. */
function slowGet(url: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => httpGet(url, { headers }, resolve).on('error', reject));
}
const openContexts = async (index: string): Promise<number> => {
  const stats = await deps.es.indices.stats({ index, metric: 'search' });
  return Object.values(stats.indices ?? {}).reduce((n, i) => n + (i.total?.search?.open_contexts ?? 0), 0);
};
/**
 * The app over an Elasticsearch client that counts the export's page reads, tells when the
 * export's point-in-time has been closed, and can hold the export before its second page until
 * released: events and states to wait for, rather than delays.
 */
function observedApp(): { app: Express; searches: () => number; pitClosed: Promise<{ succeeded: boolean; freed: number }>; secondPage: Promise<void>; release: () => void } {
  let searches = 0;
  let closed: (r: { succeeded: boolean; freed: number }) => void = () => undefined;
  const pitClosed = new Promise<{ succeeded: boolean; freed: number }>((resolve) => { closed = resolve; });
  let reached: () => void = () => undefined;
  const secondPage = new Promise<void>((resolve) => { reached = resolve; });
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => { release = resolve; });
  const es = Object.create(deps.es) as Client;
  es.search = (async (...args: Parameters<Client['search']>) => {
    if (++searches === 2) { reached(); await released; }
    return deps.es.search(...args);
  }) as Client['search'];
  es.closePointInTime = (async (...args: Parameters<Client['closePointInTime']>) => {
    const r = await deps.es.closePointInTime(...args).catch((err: unknown) => { closed({ succeeded: false, freed: 0 }); throw err; });
    closed({ succeeded: r.succeeded, freed: r.num_freed });
    return r;
  }) as Client['closePointInTime'];
  return { app: testApp({ ...deps, es }, 700), searches: () => searches, pitClosed, secondPage, release };
}

describe('streaming', () => {
  test.each([['as it is', {}, undefined], ['compressed', { 'accept-encoding': 'gzip' }, 'gzip']])('a client that disconnects mid-export (%s): the point-in-time is closed and the export stops reading', async (_name, headers, coding) => {
    const observed = observedApp();
    const server = createHttpServer(observed.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const index = recordsAlias(deps.indexPrefix, 'communes-france');
    const res = await slowGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/records/1.0/download?dataset=communes-france&format=geojson`, headers);
    expect(res.headers['content-encoding']).toBe(coding);
    await new Promise((r) => res.once('data', r));
    // The export is held before one of its reads, so its snapshot is certainly still open here
    // (left running, it could already have failed or moved on by the time the stats are read).
    await observed.secondPage;
    expect(await openContexts(index)).toBeGreaterThan(0);
    res.destroy();
    observed.release();
    // Elasticsearch says it freed this export's snapshot (other exports may hold their own on the index).
    expect(await observed.pitClosed).toEqual({ succeeded: true, freed: 1 });
    // Every record would take one page per 700 records; the export stopped long before.
    const pages = Math.ceil(rawGeoJsonFeatures('communes-france.geojson.gz').length / 700);
    const read = observed.searches();
    expect(read).toBeLessThan(pages);
    server.close();
    expect(observed.searches()).toBe(read);
  });

  test.each([['as it is', ''], ['compressed', 'Accept-Encoding: gzip\r\n']])('a client that stops reading (%s): its connection is closed after the send timeout, and the export lets its snapshot go unread', async (_name, header) => {
    const observed = observedApp();
    observed.release();
    const timeouts = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, sendTimeoutMs: 500 };
    const server = createHttpServer(observed.app, timeouts).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    // A raw client that asks for a large export and never reads a byte of it.
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1', () => socket.write(`GET /api/records/1.0/download?dataset=communes-france&format=geojson HTTP/1.1\r\nHost: x\r\n${header}\r\n`));
    socket.pause();
    expect(await observed.pitClosed).toEqual({ succeeded: true, freed: 1 });
    // Held back by the client's pace, the export stopped long before its last page (700 records a page).
    expect(observed.searches()).toBeLessThan(Math.ceil(rawGeoJsonFeatures('communes-france.geojson.gz').length / 700));
    expect(await new Promise((r) => server.getConnections((_err, n) => r(n)))).toBe(0);
    socket.destroy();
    server.close();
  });

  test('a re-publish during an export: the export reads its snapshot, without duplicates or gaps', async () => {
    const wide = 'x'.repeat(2000);
    await publishTinyCsv(deps, 'snapshot-export', [{ name: 'k', type: 'text' }, { name: 'pad', type: 'text' }], Array.from({ length: 3000 }, (_, i) => [`before-${i}`, wide]));
    const observed = observedApp();
    const server = createHttpServer(observed.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await slowGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/records/1.0/download?dataset=snapshot-export&format=json`);
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((r) => res.on('end', r));
    // The export opened its snapshot and read its first page; it is held before the second one while the dataset is re-published.
    await observed.secondPage;
    expect(await openContexts(recordsAlias(deps.indexPrefix, 'snapshot-export'))).toBeGreaterThan(0);
    await publishTinyCsv(deps, 'snapshot-export', [{ name: 'k', type: 'text' }, { name: 'pad', type: 'text' }], Array.from({ length: 100 }, (_, i) => [`after-${i}`, wide]));
    observed.release();
    await ended;
    server.close();
    const text = Buffer.concat(chunks).toString('utf8');
    const keys = (JSON.parse(text) as Array<{ fields: { k: string } }>).map((r) => r.fields.k);
    expect(keys).toHaveLength(3000);
    expect(new Set(keys).size).toBe(3000);
    expect(keys.every((k) => k.startsWith('before-'))).toBe(true);
    expect((await request(app).get('/api/records/1.0/search?dataset=snapshot-export&rows=0')).body.nhits).toBe(100);
  });

  test.each([['as it is', {}, undefined], ['compressed', { 'accept-encoding': 'br' }, 'br']])('Elasticsearch failing mid-export (%s): the connection is cut, never a clean end of file, and the error is logged with the request id', async (_name, headers, coding) => {
    const es = new URL(process.env.ES_URL ?? 'http://127.0.0.1:9200');
    const proxy = new TcpProxy(es.hostname, Number(es.port || 9200));
    await proxy.start();
    const logged: Array<{ level: number; reqId?: string; msg: string }> = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => { logged.push(JSON.parse(line) as { level: number; reqId?: string; msg: string }); } });
    const viaProxy = createApp({ ...deps, es: createEsClient({ esNodes: [`http://127.0.0.1:${proxy.port}`], esRequestTimeoutMs: 3000 }) }, logger, { exportPageSize: 50 });
    const server = createHttpServer(viaProxy).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const res = await slowGet(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/records/1.0/download?dataset=communes-france&format=json`, headers);
    expect(res.headers['content-encoding']).toBe(coding);
    await new Promise((r) => res.once('data', r));
    res.pause();
    await proxy.stop();
    const ended = new Promise<string>((resolve) => {
      res.on('end', () => resolve('end'));
      res.on('error', () => resolve('error'));
      res.on('close', () => resolve(res.complete ? 'complete' : 'cut'));
    });
    res.resume();
    expect(await ended).not.toBe('end');
    expect(res.complete).toBe(false);
    server.close();
    // Issue 13 §6: the failure went to Express's default handler, which logs no request id.
    const reqId = res.headers['x-request-id'];
    expect(typeof reqId).toBe('string');
    expect(logged.filter((l) => l.reqId === reqId).map((l) => [l.level, l.msg])).toEqual([[50, 'error after the response started; connection cut']]);
  });
});
