import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import { upsertDomain } from '../../../src/execute/datasetStore';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { jobEnd, JobBody, M, upload, uploadAndWait } from '../../support/management';
import { FIXTURES, rawCsvObjects } from '../../support/rawFixtures';
import { openTestDeps } from '../../support/testDeps';

/**
 * The management API end to end (issue 14): keys and roles, uploads in every reader's format
 * published and then searched through the ODS API, the features endpoint, and the bad inputs.
 * Expected values come from the raw fixture file, read by the tests' own parsing.
 */
const VELIB = join(FIXTURES, 'data', 'velib-emplacement-des-stations.csv');
const raw = rawCsvObjects('velib-emplacement-des-stations.csv');
const point = (r: Record<string, string>): [number, number] => r['Coordonnées géographiques'].split(',').map(Number) as [number, number];
const velibDescriptor = (): Record<string, unknown> => {
  const d = JSON.parse(readFileSync(join(FIXTURES, 'descriptors', 'velib-emplacement-des-stations.json'), 'utf8')) as Record<string, unknown>;
  delete d.source;
  return d;
};

let deps: Deps & { close(): Promise<void> };
let app: Express;
let uploadDir: string;
const keys: Record<'readA' | 'writeA' | 'writeB' | 'admin', string> = { readA: '', writeA: '', writeB: '', admin: '' };
const tmp = mkdtempSync(join(tmpdir(), 'portal-search-mgmt-'));
const as = (key: string) => ({ Authorization: `Apikey ${key}` });

beforeAll(async () => {
  deps = await openTestDeps();
  for (const id of ['mg-a', 'mg-b']) await upsertDomain(deps.pool, { id, title: id, includePublic: false });
  keys.readA = (await createApiKey(deps.pool, 'mg-a', 'read', 'read')).key;
  keys.writeA = (await createApiKey(deps.pool, 'mg-a', 'write', 'write')).key;
  keys.writeB = (await createApiKey(deps.pool, 'mg-b', 'write', 'write')).key;
  keys.admin = (await createApiKey(deps.pool, 'default', 'admin', 'admin')).key;
  uploadDir = mkdtempSync(join(tmpdir(), 'portal-search-uploads-'));
  app = createApp(deps, pino({ level: 'silent' }), { uploads: { dir: uploadDir, maxBytes: 1024 * 1024 } });
}, 120_000);
afterAll(() => deps.close());

describe('keys and roles', () => {
  const ROUTES: Array<[string, string]> = [
    ['get', '/datasets'], ['post', '/datasets'], ['get', '/datasets/x'], ['patch', '/datasets/x'], ['delete', '/datasets/x'], ['post', '/datasets/x/publish'],
    ['get', '/datasets/x/features'], ['get', '/datasets/x/jobs'], ['get', '/jobs'], ['get', '/jobs/1'], ['delete', '/jobs/1'], ['get', '/jobs/1/events'],
    ['get', '/domains'], ['post', '/domains'], ['get', '/keys'], ['post', '/keys'], ['delete', '/keys/1'],
    ['post', '/jobs'], ['post', '/preview'], ['post', '/datasets/x/preview'], ['get', '/datasets/x/rules'], ['put', '/datasets/x/rules'],
    ['post', '/datasets/x/rules'], ['post', '/datasets/x/rules/validate'], ['get', '/datasets/x/rules/r'], ['put', '/datasets/x/rules/r'], ['delete', '/datasets/x/rules/r'],
  ];
  const call = (method: string, path: string) => (request(app) as unknown as Record<string, (p: string) => request.Test>)[method](`${M}${path}`);

  test('capabilities: any valid key reads them; none is a 401', async () => {
    expect((await request(app).get(`${M}/capabilities`)).status).toBe(401);
    expect((await request(app).get(`${M}/capabilities`).set(as(keys.readA))).status).toBe(200);
  });

  test.each(ROUTES)('%s %s: 401 without a key, 403 with a read key, as problem details', async (method, path) => {
    const anonymous = await call(method, path);
    expect([anonymous.status, anonymous.headers['content-type'], anonymous.body.type]).toEqual([401, expect.stringMatching(/^application\/problem\+json/), 'urn:portal-search:error:unauthorized']);
    const read = await call(method, path).set(as(keys.readA));
    expect([read.status, read.body.type, read.body.status]).toEqual([403, 'urn:portal-search:error:forbidden', 403]);
  });

  test('a write key manages datasets but not domains and keys; an admin key issues keys with roles', async () => {
    for (const path of ['/domains', '/keys']) expect((await request(app).get(`${M}${path}`).set(as(keys.writeA))).status).toBe(403);
    const created = await request(app).post(`${M}/keys`).set(as(keys.admin)).send({ domain: 'mg-b', role: 'write', label: 'from the API' });
    expect([created.status, created.body.role, created.body.domain]).toEqual([201, 'write', 'mg-b']);
    expect((await request(app).get(`${M}/datasets`).set(as(created.body.key as string))).status).toBe(200);
    const listed = await request(app).get(`${M}/keys`).set(as(keys.admin));
    const mine = (listed.body.keys as Array<{ id: number; role: string; key?: string }>).find((k) => k.id === created.body.id);
    expect(mine).toMatchObject({ role: 'write', domain: 'mg-b', label: 'from the API' });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key as string);
    expect((await request(app).delete(`${M}/keys/${created.body.id as number}`).set(as(keys.admin))).status).toBe(204);
    expect((await request(app).get(`${M}/datasets`).set(as(created.body.key as string))).status).toBe(401);
    const bad = await request(app).post(`${M}/keys`).set(as(keys.admin)).send({ domain: 'mg-b', role: 'owner' });
    expect([bad.status, bad.body.errors]).toEqual([422, [expect.stringContaining('role')]]);
  });
});

describe('uploads', () => {
  test('a CSV with its descriptor: published, searchable, and equal to the raw file', async () => {
    const job = await uploadAndWait(app, keys.writeA, VELIB, { id: 'mg-velib', descriptor: JSON.stringify({ ...velibDescriptor(), id: 'mg-velib', domain: 'mg-a' }) });
    expect([job.status, job.rows_read, job.rows_published, job.rows_indexed, job.error]).toEqual(['COMPLETED', raw.length, raw.length, raw.length, null]);
    const search = await request(app).get('/mg-a/api2/records/search').query({ dataset: 'mg-velib', rows: 0, 'refine.capacity': '20' }).set(as(keys.readA));
    expect(search.body.nhits).toBe(raw.filter((r) => r['Capacité de la station'] === '20').length);
    const listed = await request(app).get(`${M}/datasets`).set(as(keys.writeA));
    expect((listed.body.datasets as Array<{ id: string }>).find((d) => d.id === 'mg-velib')).toMatchObject({ status: 'ready', records_count: raw.length, version: 1, last_job: { id: job.id, status: 'COMPLETED' } });
    // The other domain's writer neither lists nor reads it.
    expect((await request(app).get(`${M}/datasets`).set(as(keys.writeB))).body.datasets).toEqual([]);
    expect((await request(app).get(`${M}/datasets/mg-velib`).set(as(keys.writeB))).status).toBe(404);
  });

  test('without a descriptor, the fields are inferred: labels from the header, types from the values', async () => {
    const job = await uploadAndWait(app, keys.writeA, VELIB, { id: 'mg-velib-inferred' });
    expect(job.status).toBe('COMPLETED');
    const got = await request(app).get(`${M}/datasets/mg-velib-inferred`).set(as(keys.writeA));
    const header = Object.keys(raw[0]);
    const fields = got.body.fields as Array<{ label: string; type: string }>;
    expect(fields.map((f) => f.label)).toEqual(header);
    const typeOf = (label: string) => fields.find((f) => f.label === label)?.type;
    expect(raw.every((r) => /^\d+$/.test(r['Capacité de la station']))).toBe(true);
    expect([typeOf('Capacité de la station'), typeOf('Coordonnées géographiques')]).toEqual(['int', 'geo_point_2d']);
    expect(got.body.source).toMatchObject({ filename: 'velib-emplacement-des-stations.csv' });
  });

  test('JSON, NDJSON and GeoJSON uploads publish every item', async () => {
    const items = raw.map((r) => ({ code: r['Identifiant station'], nom: r['Nom de la station'], capacite: Number(r['Capacité de la station']) }));
    writeFileSync(join(tmp, 'stations.json'), JSON.stringify(items));
    writeFileSync(join(tmp, 'stations.ndjson'), items.map((i) => JSON.stringify(i)).join('\n'));
    const features = raw.map((r) => ({ type: 'Feature', properties: { code: r['Identifiant station'] }, geometry: { type: 'Point', coordinates: [point(r)[1], point(r)[0]] } }));
    writeFileSync(join(tmp, 'stations.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    for (const ext of ['json', 'ndjson', 'geojson']) {
      const job = await uploadAndWait(app, keys.writeA, join(tmp, `stations.${ext}`), { id: `mg-stations-${ext}` });
      expect([ext, job.status, job.rows_published]).toEqual([ext, 'COMPLETED', raw.length]);
      const search = await request(app).get('/mg-a/api2/records/search').query({ dataset: `mg-stations-${ext}`, rows: 0 }).set(as(keys.readA));
      expect([ext, search.body.nhits]).toEqual([ext, raw.length]);
    }
  });

  test('features: a GeoJSON FeatureCollection in a bbox given longitude first, paged', async () => {
    const [west, south, east, north] = [2.3, 48.85, 2.35, 48.87];
    const inside = raw.filter((r) => { const [lat, lon] = point(r); return lat >= south && lat <= north && lon >= west && lon <= east; });
    const page = await request(app).get(`${M}/datasets/mg-stations-geojson/features`).query({ bbox: `${west},${south},${east},${north}`, limit: 1000 }).set(as(keys.writeA));
    expect([page.status, page.headers['content-type'], page.body.type]).toEqual([200, expect.stringMatching(/^application\/geo\+json/), 'FeatureCollection']);
    expect([page.body.numberMatched, page.body.numberReturned]).toEqual([inside.length, inside.length]);
    // The codes are all digits: inferred as integers.
    expect((page.body.features as Array<{ properties: { code: number } }>).map((f) => String(f.properties.code)).sort()).toEqual(inside.map((r) => r['Identifiant station']).sort());
    const second = await request(app).get(`${M}/datasets/mg-stations-geojson/features`).query({ limit: 5, offset: 5 }).set(as(keys.writeA));
    expect([second.body.numberMatched, second.body.numberReturned]).toEqual([raw.length, 5]);
    // A box (in the United States) written latitude first is only valid read the other way: a 400 that says so.
    const swapped = await request(app).get(`${M}/datasets/mg-stations-geojson/features`).query({ bbox: '30,-120,40,-110' }).set(as(keys.writeA));
    expect([swapped.status, swapped.body.parameter, swapped.body.detail]).toEqual([400, 'bbox', expect.stringContaining('looks like latitude first')]);
    // ODS's geofilter.bbox is latitude first: a box written longitude first is refused the same way.
    const ods = await request(app).get('/mg-a/api2/records/search').query({ dataset: 'mg-stations-geojson', 'geofilter.bbox': '-120,30,-110,40' }).set(as(keys.readA));
    expect([ods.status, ods.body.error]).toEqual([400, expect.stringContaining('looks like longitude first')]);
  });
});

describe('bad uploads', () => {
  test('an upload over UPLOAD_MAX_BYTES is a 413, and nothing of it is kept', async () => {
    const big = join(tmp, 'big.csv');
    writeFileSync(big, `a;b\n${'1;2\n'.repeat(300_000)}`);
    const res = await upload(app, keys.writeA, big, { id: 'mg-big' }).catch((err: { response?: request.Response }) => err.response!);
    expect([res.status, res.body.type]).toEqual([413, 'urn:portal-search:error:payload_too_large']);
    expect(readdirSync(uploadDir).filter((f) => f.startsWith('incoming-'))).toEqual([]);
    expect((await request(app).get(`${M}/datasets/mg-big`).set(as(keys.writeA))).status).toBe(404);
  });

  test('a file whose name tells no format, without format, is a 422 naming format', async () => {
    writeFileSync(join(tmp, 'data.bin'), 'a;b\n1;2\n');
    const res = await upload(app, keys.writeA, join(tmp, 'data.bin'), { id: 'mg-bin' });
    expect([res.status, res.body.parameter, res.body.detail]).toEqual([422, 'format', expect.stringContaining('Cannot tell the format of data.bin')]);
  });

  test('a descriptor with an unknown key is a 422 that lists it with its closest match', async () => {
    const res = await upload(app, keys.writeA, VELIB, { descriptor: JSON.stringify({ id: 'mg-typo', metadata: { titel: 'x' } }) });
    expect([res.status, res.body.errors]).toEqual([422, expect.arrayContaining(['metadata.titel: unknown key (did you mean title?)'])]);
  });

  test('an unknown form field is a 400 naming it; no id at all is a 422', async () => {
    const unknown = await upload(app, keys.writeA, VELIB, { id: 'mg-x', colour: 'red' });
    expect([unknown.status, unknown.body.parameter]).toEqual([400, 'colour']);
    const noId = await upload(app, keys.writeA, VELIB, {});
    expect([noId.status, noId.body.parameter]).toEqual([422, 'id']);
  });

  test('a write key cannot create a dataset in another domain', async () => {
    const res = await upload(app, keys.writeB, VELIB, { id: 'mg-elsewhere', domain: 'mg-a' });
    expect([res.status, res.body.detail]).toEqual([403, 'this key manages the datasets of domain mg-b, not mg-a']);
  });

  test('a domain field sent before the file is refused before the file is read', async () => {
    // The body announces 500 KB and stops inside the file part: an answer can only come from the
    // domain field, since the rest of the body never arrives.
    const server = app.listen(0);
    const port = (server.address() as AddressInfo).port;
    const boundary = 'portal-search-test-boundary';
    const head = [
      `--${boundary}`, 'Content-Disposition: form-data; name="domain"', '', 'mg-a',
      `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="big.csv"', 'Content-Type: text/csv', '', 'a;b\n1;2\n',
    ].join('\r\n');
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write([
          'POST /api/management/v1/datasets HTTP/1.1', 'Host: 127.0.0.1', `Authorization: Apikey ${keys.writeB}`,
          `Content-Type: multipart/form-data; boundary=${boundary}`, `Content-Length: ${500 * 1024}`, '', head,
        ].join('\r\n'));
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); if (text.includes('"detail"')) { socket.destroy(); resolve(text); } });
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    server.close();
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    expect(answer).toContain('this key manages the datasets of domain mg-b, not mg-a');
    expect(readdirSync(uploadDir).filter((f) => f.includes('big.csv'))).toEqual([]);
  }, 30_000);

  test('a client that sends the rest of a refused upload after its answer is not reset: the rest is dropped and the connection serves the next request', async () => {
    // Without this, the server closed the connection with the file still coming: the client's next
    // writes met a reset (EPIPE), and a client still writing could lose the answer.
    const server = app.listen(0);
    const port = (server.address() as AddressInfo).port;
    const boundary = 'portal-search-test-boundary';
    const rest = `${'x;y\n'.repeat(256 * 1024)}\r\n--${boundary}--\r\n`;
    const head = [
      `--${boundary}`, 'Content-Disposition: form-data; name="domain"', '', 'mg-a',
      `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="dropped.csv"', 'Content-Type: text/csv', '', 'a;b\n',
    ].join('\r\n');
    const answers = await new Promise<string[]>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write([
          'POST /api/management/v1/datasets HTTP/1.1', 'Host: 127.0.0.1', `Authorization: Apikey ${keys.writeB}`,
          `Content-Type: multipart/form-data; boundary=${boundary}`, `Content-Length: ${Buffer.byteLength(head) + rest.length}`, '', head,
        ].join('\r\n'));
      });
      let text = '';
      const seen: string[] = [];
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        const end = text.indexOf('}', text.indexOf('"detail"'));
        if (seen.length === 0 && text.includes('"detail"') && end >= 0) {
          seen.push(text.slice(0, end + 1));
          text = text.slice(end + 1);
          // The answer is in: the client sends the rest of its body (1 MiB), then another request.
          socket.write(rest);
          socket.write(['GET /api/health HTTP/1.1', 'Host: 127.0.0.1', 'Connection: close', '', ''].join('\r\n'));
        }
      });
      socket.on('error', reject);
      socket.on('close', () => resolve([...seen, text]));
    });
    server.close();
    expect(answers[0].split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
    expect(answers[0]).toContain('this key manages the datasets of domain mg-b, not mg-a');
    expect(answers[1].split('\r\n')[0]).toMatch(/^HTTP\/1\.1 (200|503) /);
    expect(readdirSync(uploadDir).filter((f) => f.includes('dropped.csv'))).toEqual([]);
  }, 30_000);

  test('a dataset that exists is a 409 pointing to publish', async () => {
    const res = await upload(app, keys.writeA, VELIB, { id: 'mg-velib' });
    expect([res.status, res.body.detail]).toEqual([409, expect.stringContaining('/datasets/mg-velib/publish')]);
  });
});

describe('NUL characters, which PostgreSQL cannot store', () => {
  test('in a JSON body (a key label, a domain title, a metadata key): a 400 naming where, and nothing is stored', async () => {
    const key = await request(app).post(`${M}/keys`).set(as(keys.admin)).send({ domain: 'mg-a', label: 'a\u0000b' });
    expect([key.status, key.body.code, key.body.parameter]).toEqual([400, 'bad_parameter', 'label']);
    const domain = await request(app).post(`${M}/domains`).set(as(keys.admin)).send({ id: 'mg-nul', title: '\u0000' });
    expect([domain.status, domain.body.parameter]).toEqual([400, 'title']);
    expect((await deps.pool.query("SELECT 1 FROM domains WHERE id = 'mg-nul'")).rowCount).toBe(0);
    const patch = await request(app).patch(`${M}/datasets/x`).set(as(keys.writeA)).send({ metadata: { keyword: ['ok', 'n\u0000'] } });
    expect([patch.status, patch.body.parameter]).toEqual([400, 'metadata.keyword[1]']);
  });

  test('percent-encoded in a path: a 400, on the management API and on OGC collections alike', async () => {
    const managed = await request(app).get(`${M}/datasets/a%00b`).set(as(keys.writeA));
    expect([managed.status, managed.body.code]).toEqual([400, 'bad_parameter']);
    expect((await request(app).get('/ogc/collections/a%00b/items')).status).toBe(400);
    expect((await request(app).get(`${M}/jobs/1%1F`).set(as(keys.writeA))).status).toBe(400);
  });

  test("in an upload's file name (RFC 5987 filename*): the name is kept without it", async () => {
    const part = (headers: string, body: string) => `--b0\r\n${headers}\r\n\r\n${body}\r\n`;
    const body = part('Content-Disposition: form-data; name="id"', 'mg-nul-filename')
      + part('Content-Disposition: form-data; name="file"; filename*=utf-8\'\'co%00des.csv\r\nContent-Type: text/csv', 'code;nom\n75001;Louvre') + '--b0--\r\n';
    const res = await request(app).post(`${M}/datasets`).set(as(keys.writeA)).set('Content-Type', 'multipart/form-data; boundary=b0').send(body);
    expect(res.status).toBe(202);
    const job = await jobEnd(app, keys.writeA, (res.body as JobBody).id);
    expect(job.status).toBe('COMPLETED');
    const got = await request(app).get(`${M}/datasets/mg-nul-filename`).set(as(keys.writeA));
    expect(got.body.source.filename).toBe('codes.csv');
  });

  test('in a multipart descriptor: a 422 naming the field; in a CSV header, the column is read without it', async () => {
    const descriptor = JSON.stringify({ metadata: { title: 'x' }, fields: [{ name: 'nom', label: 'N\u0000', type: 'text' }] });
    const refused = await upload(app, keys.writeA, VELIB, { id: 'mg-nul-descriptor', descriptor });
    expect([refused.status, refused.body.errors]).toEqual([422, [expect.stringMatching(/^fields\.0\.label: must not contain the NUL character/)]]);
    const file = join(tmp, 'nul-header.csv');
    writeFileSync(file, 'co\u0000de;nom\n75001;Louvre\n');
    const job = await uploadAndWait(app, keys.writeA, file, { id: 'mg-nul-header' });
    expect([job.status, job.error]).toEqual(['COMPLETED', null]);
    const got = await request(app).get(`${M}/datasets/mg-nul-header`).set(as(keys.writeA));
    expect((got.body.fields as Array<{ label: string }>).map((f) => f.label)).toEqual(['code', 'nom']);
  });
});

describe('changing and deleting', () => {
  test('PATCH changes metadata and visibility without a new index version', async () => {
    const res = await request(app).patch(`${M}/datasets/mg-velib`).set(as(keys.writeA)).send({ metadata: { title: 'Stations Vélib renamed', publisher: null }, visibility: 'private' });
    expect([res.status, res.body.title, res.body.visibility, res.body.version]).toEqual([200, 'Stations Vélib renamed', 'private', 1]);
    const got = await request(app).get(`${M}/datasets/mg-velib`).set(as(keys.writeA));
    expect(got.body.metadata.publisher).toBeUndefined();
    const catalog = await request(app).get('/mg-a/api2/datasets/search').query({ q: 'renamed' }).set(as(keys.readA));
    expect((catalog.body.datasets as Array<{ datasetid: string; metas: { title: string } }>).map((d) => [d.datasetid, d.metas.title])).toEqual([['mg-velib', 'Stations Vélib renamed']]);
    expect((await request(app).get('/mg-a/api2/records/search').query({ dataset: 'mg-velib' })).status).toBe(404);
    const bad = await request(app).patch(`${M}/datasets/mg-velib`).set(as(keys.writeA)).send({ metadata: { timezone: 'Mars/Olympus' } });
    expect([bad.status, bad.body.errors]).toEqual([422, [expect.stringMatching(/^metadata\.timezone: not a time zone/)]]);
  });

  test('publish again from the stored source: a new version', async () => {
    const res = await request(app).post(`${M}/datasets/mg-velib/publish`).set(as(keys.writeA));
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`${M}/jobs/${(res.body as JobBody).id}`);
    const job = await jobEnd(app, keys.writeA, (res.body as JobBody).id);
    expect([job.status, job.rows_published]).toEqual(['COMPLETED', raw.length]);
    expect((await request(app).get(`${M}/datasets/mg-velib`).set(as(keys.writeA))).body).toMatchObject({ version: 2, title: 'Stations Vélib renamed', visibility: 'private' });
  });

  test('a second publish while one runs is a 409', async () => {
    // Hold the dataset's row so that the first publish cannot end before the second is asked for.
    const holder = await deps.pool.connect();
    await holder.query('BEGIN');
    await holder.query("SELECT 1 FROM datasets WHERE id = 'mg-velib' FOR UPDATE");
    try {
      const first = await request(app).post(`${M}/datasets/mg-velib/publish`).set(as(keys.writeA));
      const second = await request(app).post(`${M}/datasets/mg-velib/publish`).set(as(keys.writeA));
      expect([first.status, second.status, second.body.detail]).toEqual([202, 409, expect.stringContaining(`Job ${(first.body as JobBody).id} is already publishing mg-velib`)]);
      await holder.query('ROLLBACK');
      expect((await jobEnd(app, keys.writeA, (first.body as JobBody).id)).status).toBe('COMPLETED');
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  });

  test('DELETE removes the records, the index and the catalog entry', async () => {
    const res = await request(app).delete(`${M}/datasets/mg-stations-json`).set(as(keys.writeA));
    expect(res.status).toBe(204);
    expect((await request(app).get(`${M}/datasets/mg-stations-json`).set(as(keys.writeA))).status).toBe(404);
    expect((await request(app).get('/mg-a/api2/records/search').query({ dataset: 'mg-stations-json' }).set(as(keys.readA))).status).toBe(404);
    const records = await deps.pool.query("SELECT count(*)::int AS n FROM records WHERE dataset_id = 'mg-stations-json'");
    expect(records.rows[0].n).toBe(0);
    const indices = await deps.es.cat.indices({ index: `${deps.indexPrefix}records-mg-stations-json-v*`, format: 'json' });
    expect(indices).toEqual([]);
    const catalog = await request(app).get('/mg-a/api2/datasets/search').query({ rows: 100 }).set(as(keys.readA));
    expect((catalog.body.datasets as Array<{ datasetid: string }>).map((d) => d.datasetid)).not.toContain('mg-stations-json');
    expect((await request(app).delete(`${M}/datasets/mg-stations-json`).set(as(keys.writeA))).status).toBe(404);
  });
});
