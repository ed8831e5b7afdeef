import pino from 'pino';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { Metrics } from '../../../src/execute/metrics';
import { memoryQuotaCounters } from '../../../src/execute/quotaCounters';
import { createApp } from '../../../src/http/app';
import { LargeAnswers } from '../../../src/http/largeAnswers';
import { QuotaGate } from '../../../src/usecases/quotaGate';
import { ensureFixture } from '../../support/ingestFixture';
import { rawCsvRows } from '../../support/rawFixtures';
import { openTestDeps } from '../../support/testDeps';
import { parsePrometheusText, sumOf, type Exposition } from '../../support/prometheusText';

let deps: Deps & { close(): Promise<void> };
const silent = pino({ level: 'silent' });
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, 'chantiers-perturbants');
}, 900000);
afterAll(() => deps.close());

const scrape = async (app: Parameters<typeof request>[0], headers: Record<string, string> = {}): Promise<Exposition> => {
  const res = await request(app).get('/metrics').set(headers);
  expect([res.status, res.headers['content-type'], res.headers['cache-control']]).toEqual([200, expect.stringMatching(/^text\/plain; version=0\.0\.4/), 'no-store']);
  return parsePrometheusText(res.text);
};

describe('/metrics', () => {
  test('requests by family and status, Elasticsearch requests, exported rows and bytes, quota refusals, directory lookups and Node metrics', async () => {
    const metrics = new Metrics();
    metrics.observeElasticsearch(deps.es);
    metrics.observeDirectory(deps.directory!);
    const oneCallPerSecond = { perDay: 1000, perSecond: 1 };
    const quotas = new QuotaGate(memoryQuotaCounters(), deps.pool, { store: 'memory', anonymous: oneCallPerSecond, key: oneCallPerSecond });
    // A clock that stands still: the second call in the same second is over the burst.
    const app = createApp(deps, silent, { metrics: { metrics }, quotas, clock: () => Date.parse('2026-12-02T10:00:00Z') });
    const search = await request(app).get('/api/records/1.0/search?dataset=chantiers-perturbants&rows=1');
    expect(search.status).toBe(200);
    const refused = await request(app).get('/api/records/1.0/search?dataset=chantiers-perturbants&rows=1');
    expect(refused.status).toBe(429);
    const other = createApp(deps, silent, { metrics: { metrics } });
    const download = await request(other).get('/api/records/1.0/download?dataset=chantiers-perturbants&format=csv');
    expect(download.status).toBe(200);
    const notFound = await request(other).get('/api/records/1.0/search?dataset=no-such-dataset');
    expect(notFound.status).toBe(404);

    const all = await scrape(app);
    const requests = 'portal_search_http_request_duration_seconds';
    expect(all.types.get(requests)).toBe('histogram');
    const count = (labels: Record<string, string>) => sumOf(all, `${requests}_count`, labels);
    expect([count({ family: 'records-search', status: '200' }), count({ family: 'records-search', status: '429' }), count({ family: 'records-search', status: '404' }), count({ family: 'records-download', status: '200' })]).toEqual([1, 1, 1, 1]);
    // The rows of the raw file, and the bytes the client received.
    const rows = rawCsvRows('chantiers-perturbants.csv').length - 1;
    expect(sumOf(all, 'portal_search_export_rows_total', { format: 'csv' })).toBe(rows);
    expect(sumOf(all, 'portal_search_export_bytes_total', { format: 'csv' })).toBe(Buffer.byteLength(download.text));
    expect(sumOf(all, 'portal_search_quota_refusals_total', { limit: 'second' })).toBe(1);
    expect(sumOf(all, 'portal_search_elasticsearch_request_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    // Three lookups of a dataset (the refused call stopped before its own), each a hit or a miss.
    const lookups = all.samples.filter((x) => x.name === 'portal_search_directory_lookups_total');
    expect(lookups.map((x) => x.labels.result).sort()).toEqual(['hit', 'miss']);
    expect(lookups.reduce((n, x) => n + x.value, 0)).toBeGreaterThanOrEqual(3);
    expect(all.types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(all.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });

  test('behind a key: 401 in the JSON error shape without it, the metrics with it', async () => {
    const key = 'k'.repeat(24);
    const app = createApp(deps, silent, { metrics: { metrics: new Metrics({ defaults: false }), key } });
    for (const headers of [{}, { Authorization: 'Bearer wrong' }, { Authorization: key }]) {
      const res = await request(app).get('/metrics').set(headers);
      expect([res.status, res.body.errorcode]).toEqual([401, 10020]);
    }
    expect((await scrape(app, { Authorization: `Bearer ${key}` })).types.get('portal_search_http_request_duration_seconds')).toBe('histogram');
  });

  test('the large answers\' turns, and those sent, waiting and refused', async () => {
    const metrics = new Metrics({ defaults: false });
    const turns = new LargeAnswers({ atOnce: 1, waiting: 0, waitMs: 600_000 });
    const app = createApp(deps, silent, { metrics: { metrics }, largeAnswers: turns });
    const held = turns.enter(() => undefined)!;
    try {
      for (let i = 0; i < 2; i++) expect((await request(app).get('/api/records/1.0/download?dataset=chantiers-perturbants&format=csv')).status).toBe(503);
      expect((await request(app).get('/api/records/1.0/search?dataset=chantiers-perturbants&rows=1')).status).toBe(200);
      const all = await scrape(app);
      expect(all.types.get('portal_search_large_answers')).toBe('gauge');
      expect(sumOf(all, 'portal_search_large_answers_at_once', {})).toBe(1);
      expect([sumOf(all, 'portal_search_large_answers', { state: 'sending' }), sumOf(all, 'portal_search_large_answers', { state: 'waiting' }), sumOf(all, 'portal_search_large_answers_refused_total', {})]).toEqual([1, 0, 2]);
    } finally {
      held.leave();
    }
    expect(sumOf(await scrape(app), 'portal_search_large_answers', { state: 'sending' })).toBe(0);
  });

  test('turned off: no /metrics', async () => {
    expect((await request(createApp(deps, silent)).get('/metrics')).status).toBe(404);
  });
});

describe('the request log', () => {
  test('one line per request: its id (the X-Request-Id sent back), route family, status, duration, and its Elasticsearch calls and time; keys redacted', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => { lines.push(JSON.parse(line) as Record<string, unknown>); } });
    let searches = 0;
    const es = Object.create(deps.es) as Deps['es'];
    es.search = ((...args: Parameters<Deps['es']['search']>) => { searches++; return deps.es.search(...args); }) as Deps['es']['search'];
    const app = createApp({ ...deps, es }, logger);
    const res = await request(app).get('/api/records/1.0/search?dataset=chantiers-perturbants&rows=2');
    const line = lines.find((l) => l.msg === 'request' && l.reqId === res.headers['x-request-id']);
    expect(searches).toBeGreaterThan(0);
    expect(line).toMatchObject({ method: 'GET', route: 'records-search', status: 200, esCalls: searches });
    expect(line?.esMs).toBeGreaterThan(0);
    const keyed = await request(app).get('/api/records/1.0/search?dataset=chantiers-perturbants&apikey=not-a-real-key-123');
    const keyedLine = lines.find((l) => l.reqId === keyed.headers['x-request-id']);
    expect(keyedLine).toMatchObject({ route: 'records-search', status: keyed.status });
    expect(String(keyedLine?.url)).toContain('apikey=[redacted]');
    expect(JSON.stringify(lines)).not.toContain('not-a-real-key-123');
    // A request answered without Elasticsearch says so.
    const health = await request(app).get('/api/health/live');
    expect(lines.find((l) => l.reqId === health.headers['x-request-id'])).toMatchObject({ route: 'health', status: 200, esCalls: 0, esMs: 0 });
  });
});
