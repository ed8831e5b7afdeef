import { Agent, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import request from 'supertest';
import { createPool } from '../../src/execute/database';
import { DatasetDirectory } from '../../src/execute/datasetDirectory';
import type { Deps } from '../../src/execute/deps';
import { BUSY_RETRIES, createEsClient } from '../../src/execute/elasticsearch';
import { createApp } from '../../src/http/app';
import { Drain } from '../../src/http/drain';
import { createHttpServer } from '../../src/http/httpServer';
import { recordsAlias } from '../../src/schema/indexNames';
import { FaultProxy } from '../support/faultProxy';
import { testApp } from '../support/recordsApp';
import { TcpProxy } from '../support/tcpProxy';
import { openTestDeps } from '../support/testDeps';
import { publishTinyCsv } from '../support/tinyDataset';

/**
 * Elasticsearch and PostgreSQL failing under a running API, each through a loopback proxy to the
 * real server. The datasets are written here, so the expected answers are their rows.
 */
const FIELDS = [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }];
const ROWS = [['Alpha', '1'], ['Bravo', '2'], ['Charlie', '3'], ['Delta', '4'], ['Echo', '5']];
const MAX_RETRIES = 3;
const ES = new URL((process.env.ES_URL ?? 'http://127.0.0.1:9200').split(',')[0]);

let deps: Deps & { close(): Promise<void> };
let proxy: FaultProxy;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, 'faults-probe', FIELDS, ROWS);
  await publishTinyCsv(deps, 'faults-unseen', FIELDS, ROWS.slice(0, 2));
  proxy = new FaultProxy(ES);
  await proxy.start();
  app = testApp({ ...deps, es: createEsClient({ esNodes: [proxy.url], esRequestTimeoutMs: 10_000, esMaxRetries: MAX_RETRIES }) });
}, 120_000);
afterEach(() => { proxy.clearFaults(); proxy.delayMs = 0; });
afterAll(async () => { await proxy.close(); await deps.close(); });

const search = (target: ReturnType<typeof testApp>, dataset = 'faults-probe') => request(target).get('/api/records/1.0/search').query({ dataset, rows: 10 });
const names = (body: { records?: Array<{ fields: { nom: string } }> }) => (body.records ?? []).map((r) => r.fields.nom).sort();

/** The requests the proxy saw while `run` ran. */
async function counted<T>(run: () => Promise<T>): Promise<[T, number]> {
  const before = proxy.requests;
  const result = await run();
  return [result, proxy.requests - before];
}

describe('Elasticsearch failing', () => {
  test('connections cut twice: the client sends the search again and it answers in full', async () => {
    proxy.resetNext(2);
    const [res, sent] = await counted(() => search(app));
    expect([res.status, res.body.nhits, names(res.body), sent]).toEqual([200, 5, ROWS.map((r) => r[0]), 3]);
  });

  test('connections cut every time: 503 with Retry-After after 1 + ES_MAX_RETRIES attempts', async () => {
    proxy.resetNext(100);
    const [res, sent] = await counted(() => search(app));
    expect([res.status, res.body.errorcode, res.headers['retry-after'], sent]).toEqual([503, 10040, '5', 1 + MAX_RETRIES]);
  });

  test('429 twice: retried after a pause, then answered in full', async () => {
    proxy.answerNext(429, 2);
    const [res, sent] = await counted(() => search(app));
    expect([res.status, res.body.nhits, sent]).toEqual([200, 5, 3]);
  });

  test('429 every time: 503 with Retry-After once the busy retries are spent', async () => {
    proxy.answerNext(429, 100);
    const [res, sent] = await counted(() => search(app));
    expect([res.status, res.body.errorcode, res.headers['retry-after'], sent]).toEqual([503, 10040, '5', 1 + BUSY_RETRIES]);
  });

  test('503 twice: retried, then answered in full; every time: 503 with Retry-After, in the CKAN shape on CKAN routes', async () => {
    proxy.answerNext(503, 2);
    const [ok, sentOk] = await counted(() => search(app));
    expect([ok.status, ok.body.nhits, sentOk]).toEqual([200, 5, 3]);
    proxy.answerNext(503, 100);
    const [ckan, sent] = await counted(() => request(app).get('/api/3/action/datastore_search').query({ resource_id: 'faults-probe' }));
    expect([ckan.status, ckan.body.success, ckan.body.error?.__type, ckan.headers['retry-after'], sent]).toEqual([503, false, 'Search Error', '5', 1 + MAX_RETRIES]);
  });

  // A compact JSON records page reads its written records from the answer's bytes (an answer asked for as a stream): the same retries.
  test('503 every time on a page read from its answer\'s bytes: 503 with Retry-After after 1 + ES_MAX_RETRIES attempts', async () => {
    proxy.answerNext(503, 100);
    const [res, sent] = await counted(() => search(app));
    expect([res.status, res.body.errorcode, res.headers['retry-after'], sent]).toEqual([503, 10040, '5', 1 + MAX_RETRIES]);
  });

  test('down (connection refused): 503 with Retry-After; back: answers again', async () => {
    await proxy.stop();
    const down = await search(app);
    expect([down.status, down.body.errorcode, down.headers['retry-after']]).toEqual([503, 10040, '5']);
    await proxy.start();
    const back = await search(app);
    expect([back.status, back.body.nhits]).toEqual([200, 5]);
  });

  test('slower than the request time limit: 504, and the search is not sent again', async () => {
    const tight = testApp({ ...deps, es: createEsClient({ esNodes: [proxy.url], esRequestTimeoutMs: 500, esMaxRetries: MAX_RETRIES }) });
    proxy.delayMs = 5_000;
    const [res, sent] = await counted(() => search(tight));
    expect([res.status, res.body.errorcode, sent]).toEqual([504, 10042, 1]);
  });
});

describe('PostgreSQL down', () => {
  test('searches of datasets already looked up answer from Elasticsearch; others are 503 until it is back', async () => {
    const pg = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/portal_search_test');
    const pgProxy = new TcpProxy(pg.hostname, Number(pg.port || 5432));
    await pgProxy.start();
    const viaProxy = new URL(pg.toString());
    viaProxy.port = String(pgProxy.port);
    const pool = createPool(viaProxy.toString());
    const directory = new DatasetDirectory(pool, viaProxy.toString());
    await directory.listen();
    const pgApp = testApp({ ...deps, pool, directory });
    try {
      expect((await search(pgApp)).body.nhits).toBe(5);
      await pgProxy.stop();
      const cached = await search(pgApp);
      expect([cached.status, cached.body.nhits, names(cached.body)]).toEqual([200, 5, ROWS.map((r) => r[0])]);
      const unseen = await search(pgApp, 'faults-unseen');
      expect([unseen.status, unseen.body.errorcode, unseen.headers['retry-after']]).toEqual([503, 10041, '5']);
      const health = await request(pgApp).get('/api/health');
      expect([health.status, health.body.postgresql.status]).toEqual([503, 'down']);
      await pgProxy.start();
      const back = await search(pgApp, 'faults-unseen');
      expect([back.status, back.body.nhits]).toEqual([200, 2]);
    } finally {
      await directory.close();
      await pool.end();
      await pgProxy.stop();
    }
  });
});

describe('a publish while Elasticsearch is down', () => {
  test('keeps its records in PostgreSQL, waits, and converges once Elasticsearch is back', async () => {
    const outage = new FaultProxy(ES);
    await outage.start();
    const port = outage.port;
    await outage.stop();
    const downDeps = { ...deps, es: createEsClient({ esNodes: [outage.url], esRequestTimeoutMs: 10_000 }) };
    let waiting!: () => void;
    const waited = new Promise<void>((resolve) => { waiting = resolve; });
    const rows = ROWS.map(([nom, n]) => [`${nom} outage`, n]);
    const publishing = publishTinyCsv(downDeps, 'faults-outage', FIELDS, rows, { publish: { onWaitingForSearch: () => waiting() } });
    try {
      await waited;
      const stored = await deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM records WHERE dataset_id = $1', ['faults-outage']);
      expect(stored.rows[0].n).toBe(rows.length);
      expect(await deps.es.indices.existsAlias({ name: recordsAlias(deps.indexPrefix, 'faults-outage') })).toBe(false);
      await outage.start(port);
      await publishing;
      const res = await search(app, 'faults-outage');
      expect([res.status, res.body.nhits, names(res.body)]).toEqual([200, rows.length, rows.map((r) => r[0]).sort()]);
      const versions = await deps.pool.query<{ state: string }>("SELECT state FROM index_versions WHERE dataset_id = $1 AND state = 'live'", ['faults-outage']);
      expect(versions.rowCount).toBe(1);
    } finally {
      await outage.close();
      await publishing.catch(() => undefined);
    }
  });
});

describe('graceful shutdown under load', () => {
  test('requests in flight finish in full, and a new connection is refused', async () => {
    const drain = new Drain();
    const server = createHttpServer(createApp({ ...deps, es: createEsClient({ esNodes: [proxy.url], esRequestTimeoutMs: 30_000 }) }, pino({ level: 'silent' }), { drain }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const agent = new Agent({ keepAlive: true });
    const fetchJson = (a: Agent | false) => new Promise<{ status: number; connection?: string; body: { nhits?: number } }>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: '/api/records/1.0/search?dataset=faults-probe', agent: a }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: JSON.parse(text) }));
      }).on('error', reject);
    });
    try {
      proxy.hold();
      const inFlight = Array.from({ length: 4 }, () => fetchJson(agent));
      await proxy.whenHeld(4);
      const closing = drain.shutDown(server, 30_000);
      await expect(fetchJson(false)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      proxy.release();
      const answers = await Promise.all(inFlight);
      expect(answers).toEqual(Array.from({ length: 4 }, () => ({ status: 200, connection: 'close', body: expect.objectContaining({ nhits: 5 }) })));
      await closing;
      expect(server.listening).toBe(false);
    } finally {
      proxy.release();
      agent.destroy();
      if (server.listening) server.close();
    }
  });
});
