import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createPool } from '../../../src/execute/database';
import type { Deps } from '../../../src/execute/deps';
import { createEsClient } from '../../../src/execute/elasticsearch';
import { checkHealth } from '../../../src/execute/health';
import { createApp } from '../../../src/http/app';
import { createHttpServer } from '../../../src/http/httpServer';
import { TcpProxy } from '../../support/tcpProxy';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let proxy: TcpProxy;
let app: Express;
let esViaProxy: Deps['es'];
const DATASET = 'timeouts-tiny';

/** Keeps the event loop busy, as a big page being rendered does: nothing else runs meanwhile. */
const blockEventLoop = (ms: number): void => { const until = performance.now() + ms; while (performance.now() < until) { /* busy */ } };

beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, DATASET, [{ name: 'name', type: 'text' }], [['alpha'], ['beta']]);
  const es = new URL(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  proxy = new TcpProxy(es.hostname, Number(es.port || 9200));
  await proxy.start();
  esViaProxy = createEsClient({ esNodes: [`http://127.0.0.1:${proxy.port}`], esRequestTimeoutMs: 500 });
  app = createApp({ ...deps, es: esViaProxy }, pino({ level: 'silent' }), { healthTimeoutMs: 1000 });
});
afterEach(() => { proxy.stalled = false; });
afterAll(async () => { await proxy.stop(); await esViaProxy.close(); await deps.close(); });

describe('health', () => {
  test('liveness answers while both stores are down, and touches neither; readiness says which is down', async () => {
    const deadPool = createPool('postgres://postgres@127.0.0.1:1/none');
    await proxy.stop();
    try {
      const down = createApp({ ...deps, es: esViaProxy, pool: deadPool }, pino({ level: 'silent' }));
      for (const path of ['/api/health/live', '/d4c/api/health/live']) {
        const live = await request(down).get(path);
        expect([live.status, live.body]).toEqual([200, { status: 'ok' }]);
      }
      const ready = await request(down).get('/api/health');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable', elasticsearch: { status: 'down', detail: 'unreachable' }, postgresql: { status: 'down', detail: 'unreachable' } });
    } finally {
      await deadPool.end();
      await proxy.start();
    }
  });

  test('a store that accepts connections but never answers is down once its time is up', async () => {
    proxy.stalled = true;
    const res = await request(app).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body.elasticsearch).toEqual({ status: 'down', detail: 'unreachable' });
    expect(res.body.postgresql).toEqual({ status: 'up' });
  });

  test('a busy event loop does not make a store look down: the check is longer than its time limit only because the process was busy', async () => {
    const pending = checkHealth({ es: esViaProxy, pool: deps.pool }, 1000);
    blockEventLoop(2500);
    expect(await pending).toEqual({ elasticsearch: { status: 'up', cluster_status: expect.stringMatching(/^(green|yellow)$/) }, postgresql: { status: 'up' } });
    // Through the endpoint too: the request arrives, then the process is busy for longer than the limit.
    const ready = request(app).get('/api/health').then((r) => r);
    await new Promise((r) => setImmediate(r));
    blockEventLoop(2500);
    expect((await ready).status).toBe(200);
  });
});

describe('Elasticsearch too slow or down, in the JSON shape of each dialect', () => {
  const ods = `/api/records/1.0/search?dataset=${DATASET}`;
  const ckan = `/api/3/action/datastore_search?resource_id=${DATASET}`;

  test('past its time limit, a search is a 504', async () => {
    expect((await request(app).get(ods)).status).toBe(200);
    proxy.stalled = true;
    const odsRes = await request(app).get(ods);
    expect([odsRes.status, odsRes.body]).toEqual([504, { error: 'The search engine did not answer in time.', errorcode: 10042 }]);
    const ckanRes = await request(app).get(ckan);
    expect([ckanRes.status, ckanRes.body]).toEqual([504, { success: false, error: { __type: 'Search Error', message: 'The search engine did not answer in time.' } }]);
    expect(odsRes.headers['access-control-allow-origin']).toBe('*');
  });

  test('refusing connections, it is a 503 with Retry-After', async () => {
    await proxy.stop();
    try {
      const odsRes = await request(app).get(ods);
      expect([odsRes.status, odsRes.headers['retry-after'], odsRes.body]).toEqual([503, '5', { error: 'The search engine is unavailable. Retry later.', errorcode: 10040 }]);
      const ckanRes = await request(app).get(ckan);
      expect([ckanRes.status, ckanRes.headers['retry-after'], ckanRes.body])
        .toEqual([503, '5', { success: false, error: { __type: 'Search Error', message: 'The search engine is unavailable. Retry later.' } }]);
    } finally {
      await proxy.start();
    }
    expect((await request(app).get(ods)).status).toBe(200);
  });
});

describe('server timeouts', () => {
  let server: Server;
  beforeAll(async () => {
    server = createHttpServer(app, { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 1000, sendTimeoutMs: 60_000 }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
  });
  afterAll(() => new Promise((r) => server.close(r)));

  /** Sends `bytes` and never more; resolves with what the server sent before it closed the connection. */
  const sendAndWait = (bytes: string): Promise<string> => new Promise((resolve, reject) => {
    const socket = connect((server.address() as { port: number }).port, '127.0.0.1', () => socket.write(bytes));
    let got = '';
    socket.on('data', (d) => { got += d.toString('latin1'); });
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
  });

  test('a client that never finishes its headers gets a 408 and the connection is closed', async () => {
    expect(await sendAndWait('GET /api/health/live HTTP/1.1\r\nHost: x\r\n')).toMatch(/^HTTP\/1\.1 408 /);
  });

  test('a client that never finishes its body gets a 408 and the connection is closed', async () => {
    const answer = await sendAndWait(`POST /api/records/1.0/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"dataset":`);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
