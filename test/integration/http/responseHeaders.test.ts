import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { createHttpServer } from '../../../src/http/httpServer';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let app: Express;
let key: string;
let server: Server;
const DATASET = 'hdr-tiny';
beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, DATASET, [{ name: 'name', type: 'text' }, { name: 'n', type: 'int' }], [['alpha', '1'], ['beta', '2'], ['gamma', '3']]);
  key = (await createApiKey(deps.pool, 'default', 'headers test')).key;
  app = testApp(deps);
  server = createHttpServer(app).listen(0, '127.0.0.1');
});
afterAll(async () => { server.close(); await deps.close(); });

/** Browsers may read these answers (CORS), see these headers (exposed), and never sniff another type. */
const expectEveryResponseHeaders = (res: request.Response): void => {
  expect(res.headers['access-control-allow-origin']).toBe('*');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  const exposed = String(res.headers['access-control-expose-headers']).split(/,\s*/);
  expect(exposed).toEqual(expect.arrayContaining(['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Content-Disposition', 'Retry-After']));
};

describe('CORS, exposed headers and nosniff on every response', () => {
  const search = `/api/records/1.0/search?dataset=${DATASET}`;
  test.each([
    ['200 search', () => request(app).get(search), 200],
    ['400 unreadable JSON body', () => request(app).post(search).set('content-type', 'application/json').send('{"q": '), 400],
    ['401 refused key', () => request(app).get(search).set('authorization', 'Apikey nope'), 401],
    ['404 unknown route', () => request(app).get('/api/nothing'), 404],
    ['404 CKAN route', () => request(app).get('/api/3/action/nothing'), 404],
    ['405 method', () => request(app).delete(search), 405],
    ['413 body too large', () => request(app).post(search).set('content-type', 'application/json').send(`{"q":"${'x'.repeat(1_100_000)}"}`), 413],
    // Through our server, whose header limit lets a long URL reach the 414 (supertest's own would answer 431).
    ['414 URL too long', () => request(server).get(`${search}&q=${'x'.repeat(17_000)}`), 414],
    ['415 media type', () => request(app).post(search).set('content-type', 'text/plain').send('dataset=x'), 415],
    ['204 preflight', () => request(app).options(search).set('origin', 'https://elsewhere.example').set('access-control-request-method', 'GET'), 204],
    ['200 liveness', () => request(app).get('/api/health/live'), 200],
  ])('%s', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expectEveryResponseHeaders(res);
  });
});

describe('caching', () => {
  const page = `/api/records/1.0/search?dataset=${DATASET}&sort=n`;
  const sha1Etag = (body: string): string => `"${createHash('sha1').update(body, 'utf8').digest('base64url')}"`;

  test('an anonymous GET is public for the configured time, with an ETag of its bytes; the same ETag back is a 304 with no body', async () => {
    const first = await request(app).get(page);
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    expect(first.headers.etag).toBe(sha1Etag(first.text));
    expect(first.body.records.map((r: { fields: { name: string } }) => r.fields.name)).toEqual(['gamma', 'beta', 'alpha']);

    const again = await request(app).get(page).set('if-none-match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);

    const other = await request(app).get(`${page}&rows=1`).set('if-none-match', first.headers.etag);
    expect(other.status).toBe(200);
    expect(other.headers.etag).toBe(sha1Etag(other.text));
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  test('max-age follows the configuration; JSONP, CSV and HEAD are cacheable too', async () => {
    const app0 = createApp(deps, pino({ level: 'silent' }), { cacheMaxAgeSeconds: 0 });
    expect((await request(app0).get(page)).headers['cache-control']).toBe('public, max-age=0');
    const jsonp = await request(app).get(`${page}&format=jsonp&callback=cb`);
    expect([jsonp.status, jsonp.headers['cache-control'], jsonp.headers.etag]).toEqual([200, 'public, max-age=60', sha1Etag(jsonp.text)]);
    const csv = await request(app).get(`${page}&format=csv`);
    expect([csv.status, csv.headers.etag]).toEqual([200, sha1Etag(csv.text)]);
    const head = await request(app).head(page);
    expect([head.status, head.headers['cache-control']]).toEqual([200, 'public, max-age=60']);
  });

  test('an answer built with an API key is private, no-store, without ETag, and never a 304', async () => {
    const anonymous = await request(app).get(page);
    for (const res of [
      await request(app).get(page).set('authorization', `Apikey ${key}`).set('if-none-match', anonymous.headers.etag),
      await request(app).get(`${page}&apikey=${key}`),
      await request(app).get(`/api/3/action/datastore_search?resource_id=${DATASET}`).set('x-ckan-api-key', key),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers.etag).toBeUndefined();
      expect(String(res.headers.vary)).toMatch(/Authorization/);
    }
  });

  test('a POST is no-store, errors are never kept, and a streamed download is public without ETag', async () => {
    const post = await request(app).post('/api/records/1.0/search').type('form').send({ dataset: DATASET });
    expect([post.status, post.headers['cache-control'], post.headers.etag]).toEqual([200, 'no-store', undefined]);
    const notFound = await request(app).get('/api/records/1.0/search?dataset=nothing-here');
    expect([notFound.status, notFound.headers['cache-control']]).toEqual([404, 'no-store']);
    const keyed404 = await request(app).get('/api/records/1.0/search?dataset=nothing-here').set('authorization', `Apikey ${key}`);
    expect([keyed404.status, keyed404.headers['cache-control']]).toEqual([404, 'private, no-store']);
    const download = await request(app).get(`/api/records/1.0/download?dataset=${DATASET}&format=csv`);
    expect([download.status, download.headers['cache-control'], download.headers.etag]).toEqual([200, 'public, max-age=60', undefined]);
    expect(download.headers['content-disposition']).toMatch(/attachment/);
    const health = await request(app).get('/api/health');
    expect(health.headers['cache-control']).toBe('no-store');
  });
});
