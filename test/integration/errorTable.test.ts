import { readFileSync } from 'node:fs';
import { createServer, Server as NetServer, Socket } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import pino from 'pino';
import request from 'supertest';
import { createPool } from '../../src/execute/database';
import { createEsClient } from '../../src/execute/elasticsearch';
import type { Deps } from '../../src/execute/deps';
import { createApp } from '../../src/http/app';
import { LargeAnswers } from '../../src/http/largeAnswers';
import { createHttpServer } from '../../src/http/httpServer';
import { TcpProxy } from '../support/tcpProxy';
import { openTestDeps } from '../support/testDeps';
import { publishTinyCsv } from '../support/tinyDataset';
import { createApiKey } from '../../src/execute/apiKeyStore';
import { memoryQuotaCounters } from '../../src/execute/quotaCounters';
import { QuotaGate } from '../../src/usecases/quotaGate';

/**
 * Every row of the README's error table, provoked through the HTTP API on an ODS route and on a
 * CKAN route: the status, `errorcode` and CKAN `__type` are the ones the README documents (read
 * from README.md here, not from src/errors), and a 503 says when to retry.
 */
interface Row { code: string; status: number; errorcode: number; ckanType: string }
function readmeErrorRows(): Row[] {
  const lines = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| code |'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start + 2, end).map((l) => {
    const [code, status, errorcode, ckanType] = l.split('|').slice(1, 5).map((c) => c.trim().replace(/^`(.*)`$/, '$1'));
    return { code, status: Number(status), errorcode: Number(errorcode), ckanType };
  });
}
const ROWS = readmeErrorRows();

const ID = 'error-table';
let deps: Deps & { close(): Promise<void> };
let app: ReturnType<typeof createApp>;
let proxy: TcpProxy;
let blackHole: NetServer;
const held = new Set<Socket>();
const apps: Record<string, ReturnType<typeof createApp>> = {};
let server: Server;
const silent = pino({ level: 'silent' });

beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, ID, [{ name: 'nom', type: 'text' }], [['a'], ['b']]);
  app = createApp(deps, silent);
  server = createHttpServer(app);
  const es = new URL(process.env.ES_URL ?? 'http://127.0.0.1:9200');
  proxy = new TcpProxy(es.hostname, Number(es.port || 9200));
  await proxy.start();
  const downEs = createEsClient({ esNodes: [`http://127.0.0.1:${proxy.port}`], esRequestTimeoutMs: 5000 });
  await proxy.stop();
  apps.esDown = createApp({ ...deps, es: downEs }, silent);
  // A node that accepts connections and never answers: every request runs into the time limit.
  blackHole = createServer((s) => { held.add(s); s.on('error', () => undefined); });
  await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
  const slowEs = createEsClient({ esNodes: [`http://127.0.0.1:${(blackHole.address() as { port: number }).port}`], esRequestTimeoutMs: 300 });
  apps.esSlow = createApp({ ...deps, es: slowEs }, silent);
  apps.pgDown = createApp({ ...deps, pool: createPool('postgres://postgres@127.0.0.1:1/none'), directory: undefined }, silent);
  // An Elasticsearch client whose search throws what no error class covers.
  const broken = Object.create(deps.es) as Client;
  broken.search = (() => { throw new TypeError('boom at /srv/app.js'); }) as unknown as Client['search'];
  apps.broken = createApp({ ...deps, es: broken }, silent);
  // Quotas of one call a day: the second call of a caller is over its limit.
  const oneCall = { perDay: 1, perSecond: 1 };
  const quotas = () => new QuotaGate(memoryQuotaCounters(), deps.pool, { store: 'memory', anonymous: oneCall, key: oneCall });
  // Large answers one at a time, with that turn held and no room to wait: a large page is refused.
  const turns = new LargeAnswers({ atOnce: 1, waiting: 0, waitMs: 600_000 });
  turns.enter(() => undefined);
  apps.busy = createApp(deps, silent, { largeAnswers: turns });
  apps.anonymousQuota = createApp(deps, silent, { quotas: quotas() });
  apps.keyQuota = createApp(deps, silent, { quotas: quotas() });
  key = (await createApiKey(deps.pool, 'default', 'error table')).key;
  for (const role of ['read', 'write', 'admin'] as const) keys[role] = (await createApiKey(deps.pool, 'default', `error table ${role}`, role)).key;
}, 120000);
afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise((r) => blackHole.close(r));
  await deps.close();
});

const ODS = `/api/records/1.0/search?dataset=${ID}`;
const CKAN = `/api/3/action/datastore_search?resource_id=${ID}`;
type Call = (path: string) => PromiseLike<request.Response>;
let key = '';
/** The second call of one caller, on an app whose quota is one call a day. */
const overQuota = (name: string, withKey: boolean): Call => async (path) => {
  const call = () => { const r = request(apps[name]).get(path); return withKey ? r.set('Authorization', `Apikey ${key}`) : r; };
  await call();
  return call();
};
const plain: Call = (path) => request(app).get(path);
const via = (name: string): Call => (path) => request(apps[name]).get(path);
/** Per error code, the same fault provoked on a path (ODS, then CKAN). */
const PROVOKE: Record<string, { call: Call; ods: string; ckan: string }> = {
  bad_parameter: { call: plain, ods: `${ODS}&rows=abc`, ckan: `${CKAN}&limit=abc` },
  bad_query: { call: plain, ods: `${ODS}&q=(`, ckan: '/api/3/action/package_search?q=title:(x' },
  bad_body: { call: (p) => request(app).post(p).set('Content-Type', 'application/json').send('{"q": '), ods: ODS, ckan: CKAN },
  unauthorized: { call: (p) => request(app).get(p).set('Authorization', 'Apikey a-key-nobody-issued'), ods: ODS, ckan: CKAN },
  not_found: { call: plain, ods: '/api/records/1.0/search?dataset=no-such-dataset', ckan: '/api/3/action/datastore_search?resource_id=no-such-dataset' },
  method_not_allowed: { call: (p) => request(app).put(p), ods: ODS, ckan: CKAN },
  payload_too_large: { call: (p) => request(app).post(p).type('form').send(`q=${'a'.repeat(1_100_000)}`), ods: ODS, ckan: CKAN },
  uri_too_long: { call: (p) => request(server).get(`${p}&q=${'a'.repeat(20_000)}`), ods: ODS, ckan: CKAN },
  unsupported_media_type: { call: (p) => request(app).post(p).set('Content-Type', 'text/xml').send('<q/>'), ods: ODS, ckan: CKAN },
  search_unavailable: { call: via('esDown'), ods: ODS, ckan: CKAN },
  store_unavailable: { call: via('pgDown'), ods: ODS, ckan: CKAN },
  search_timeout: { call: via('esSlow'), ods: ODS, ckan: CKAN },
  internal: { call: via('broken'), ods: ODS, ckan: CKAN },
  busy: { call: via('busy'), ods: `${ODS}&rows=500`, ckan: `${CKAN}&limit=500` },
  too_many_anonymous_requests: { call: overQuota('anonymousQuota', false), ods: ODS, ckan: CKAN },
  too_many_requests: { call: overQuota('keyQuota', true), ods: ODS, ckan: CKAN },
};

const M = '/api/management/v1';
const keys: Record<'read' | 'write' | 'admin', string> = { read: '', write: '', admin: '' };
/** The codes only the management API raises, provoked there; it answers them as problem details. */
const MANAGEMENT_ONLY: Record<string, () => PromiseLike<request.Response>> = {
  forbidden: () => request(app).get(`${M}/datasets`).set('Authorization', `Apikey ${keys.read}`),
  conflict: () => request(app).post(`${M}/datasets`).set('Authorization', `Apikey ${keys.write}`).field('id', ID).attach('file', Buffer.from('nom\nc\n'), 'again.csv'),
  unprocessable: () => request(app).post(`${M}/keys`).set('Authorization', `Apikey ${keys.admin}`).send({ domain: 'default', role: 'owner' }),
};

describe("the README's error table, row by row", () => {
  test('has a way to provoke every row', () => {
    expect(ROWS.map((r) => r.code).sort()).toEqual([...Object.keys(PROVOKE), ...Object.keys(MANAGEMENT_ONLY)].sort());
  });

  test.each(ROWS.filter((r) => r.code in MANAGEMENT_ONLY))('$code: $status on the management API, as problem details', async (row) => {
    const res = await MANAGEMENT_ONLY[row.code]();
    expect([res.status, res.headers['content-type'], res.body.status, res.body.code, res.body.type, typeof res.body.detail])
      .toEqual([row.status, expect.stringMatching(/^application\/problem\+json/), row.status, row.code, `urn:portal-search:error:${row.code}`, 'string']);
    expect(res.text).not.toMatch(/127\.0\.0\.1|9200|5432|\/srv|stack|TypeError/);
  });

  test.each(ROWS.filter((r) => !(r.code in MANAGEMENT_ONLY)))('$code: $status, errorcode $errorcode, CKAN $ckanType', async (row) => {
    const { call, ods, ckan } = PROVOKE[row.code];
    const o = await call(ods);
    expect([o.status, o.headers['content-type'], o.body.errorcode, typeof o.body.error]).toEqual([row.status, expect.stringMatching(/^application\/json/), row.errorcode, 'string']);
    // README: on CKAN routes bad_parameter and bad_body answer 409, unauthorized 403; other statuses are the same.
    const ckanStatus = row.code === 'bad_parameter' || row.code === 'bad_body' ? 409 : row.code === 'unauthorized' ? 403 : row.status;
    const c = await call(ckan);
    expect([c.status, c.body.success, c.body.error?.__type]).toEqual([ckanStatus, false, row.ckanType]);
    // "internal": the middleware answers only "Internal error.".
    expect([row.code, o.body.error === 'Internal error.', c.body.error.message === 'Internal error.']).toEqual([row.code, row.code === 'internal', row.code === 'internal']);
    for (const res of [o, c]) {
      // A 503 says to retry in 5 s; a 429 says when its window ends (a whole number of seconds).
      const retryAfter: string | undefined = res.headers['retry-after'];
      const told = row.status === 503 ? retryAfter === '5' : row.status === 429 ? /^[1-9]\d*$/.test(retryAfter ?? '') : retryAfter === undefined;
      expect([row.code, retryAfter, told]).toEqual([row.code, retryAfter, true]);
      expect(res.text).not.toMatch(/127\.0\.0\.1|9200|5432|\/srv|stack|TypeError/);
    }
  });
});
