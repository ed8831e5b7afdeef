import pino from 'pino';
import request from 'supertest';
import { createPool } from '../../src/execute/database';
import { createEsClient } from '../../src/execute/elasticsearch';
import type { Deps } from '../../src/execute/deps';
import { createApp } from '../../src/http/app';
import { TcpProxy } from '../support/tcpProxy';
import { openTestDeps } from '../support/testDeps';

let deps: Deps & { close(): Promise<void> };
let proxy: TcpProxy;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await openTestDeps();
  const es = new URL(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  proxy = new TcpProxy(es.hostname, Number(es.port || 9200));
  await proxy.start();
  const esThroughProxy = createEsClient({ esNodes: [`http://127.0.0.1:${proxy.port}`], esRequestTimeoutMs: 3000 });
  app = createApp({ ...deps, es: esThroughProxy }, pino({ level: 'silent' }));
});
afterAll(async () => { await proxy.stop(); await deps.close(); });

describe('GET /api/health', () => {
  test('200 when Elasticsearch and PostgreSQL answer, 503 while Elasticsearch is down, 200 when it is back', async () => {
    const up = await request(app).get('/api/health');
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', elasticsearch: { status: 'up' }, postgresql: { status: 'up' } });

    await proxy.stop();
    const down = await request(app).get('/api/health');
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.body).toEqual({ status: 'unavailable', elasticsearch: { status: 'down', detail: 'unreachable' }, postgresql: { status: 'up' } });
    expect(JSON.stringify(down.body)).not.toContain('127.0.0.1');

    await proxy.start();
    const back = await request(app).get('/d4c/api/health');
    expect(back.status).toBe(200);
    expect(back.body.elasticsearch.status).toBe('up');
  });

  test('503 naming PostgreSQL when the database is unreachable', async () => {
    const deadPool = createPool('postgres://postgres@127.0.0.1:1/none');
    const res = await request(createApp({ ...deps, pool: deadPool }, pino({ level: 'silent' }))).get('/api/health');
    await deadPool.end();
    expect(res.status).toBe(503);
    expect(res.body.postgresql).toEqual({ status: 'down', detail: 'unreachable' });
  });
});

describe('errors are JSON in the shape of the route family', () => {
  test('an unknown ODS path is a 404 with error and errorcode', async () => {
    const res = await request(app).get('/api/nothing/here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error: 'Unknown endpoint /api/nothing/here', errorcode: 10030 });
  });

  test('an unknown CKAN action is a 404 in the CKAN envelope', async () => {
    const res = await request(app).get('/api/3/action/nothing');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ success: false, error: { __type: 'Not Found Error', message: 'Unknown endpoint /api/3/action/nothing' } });
  });

  test('a malformed JSON body is a 400, an oversized one a 413, never a 500', async () => {
    const bad = await request(app).post('/api/records/1.0/search').set('content-type', 'application/json').send('{"q": ');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'The request body is not valid JSON or form data.', errorcode: 10012 });
    const big = await request(app).post('/api/records/1.0/search').set('content-type', 'application/json').send(`{"q":"${'x'.repeat(1_100_000)}"}`);
    expect(big.status).toBe(413);
  });

  test('bad percent-encoding on an unknown path is a JSON 404 echoing the raw path, not a 500', async () => {
    const res = await request(app).get('/api/nothing/1.0/%E9%ZZ');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Unknown endpoint /api/nothing/1.0/%E9%ZZ', errorcode: 10030 });
    // On a route whose path holds a parameter (a dataset id), the same bytes are a 400.
    const lookup = await request(app).get('/api/datasets/1.0/%E9%ZZ');
    expect([lookup.status, lookup.body.errorcode]).toEqual([400, 10010]);
  });
});

describe('PostgreSQL closing idle connections', () => {
  test('the pool survives and answers again', async () => {
    let reported: (err: Error) => void = () => undefined;
    const seen = new Promise<Error>((resolve) => { reported = resolve; });
    const pool = createPool(process.env.DATABASE_URL!, (err) => reported(err));
    const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await deps.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    // The pool reports the idle client's error (an event), then serves the next query.
    expect(((await seen) as Error & { code?: string }).code).toBe('57P01');
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await pool.end();
  });
});
