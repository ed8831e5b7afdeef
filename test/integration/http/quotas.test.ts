import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { quotaCommand } from '../../../src/cli/quotaCommand';
import { loadConfig } from '../../../src/config/config';
import { ensureCatalogIndex } from '../../../src/execute/catalogIndex';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import { upsertDomain } from '../../../src/execute/datasetStore';
import type { Deps } from '../../../src/execute/deps';
import { memoryQuotaCounters, postgresQuotaCounters, QuotaCounters } from '../../../src/execute/quotaCounters';
import { createApp } from '../../../src/http/app';
import { QuotaGate } from '../../../src/usecases/quotaGate';
import { TEST_NOW } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

/** Two API processes: two apps, each with its own database pool and its own counters, on one database. */
let depsA: Deps & { close(): Promise<void> };
let depsB: Deps & { close(): Promise<void> };
const counters: QuotaCounters[] = [];
let now = TEST_NOW;
const defaults = loadConfig({}).quotas;
// Independently of the code: the fixed clock is 2026-11-21T10:30:00Z.
const NEXT_MIDNIGHT_S = Date.UTC(2026, 10, 22) / 1000;
const SECONDS_TO_MIDNIGHT = 13.5 * 3600;

const apiProcess = (deps: Deps, store: 'memory' | 'postgresql'): Express => {
  const c = store === 'postgresql' ? postgresQuotaCounters(deps.pool) : memoryQuotaCounters();
  counters.push(c);
  return createApp(deps, pino({ level: 'silent' }), { clock: () => now, quotas: new QuotaGate(c, deps.pool, defaults) });
};
const quiet = async (f: () => Promise<number>): Promise<number> => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try { return await f(); } finally { log.mockRestore(); }
};

beforeAll(async () => {
  depsA = await openTestDeps();
  depsB = await openTestDeps();
  await ensureCatalogIndex(depsA);
  for (const id of ['quota-shared', 'quota-burst', 'quota-memory']) await upsertDomain(depsA.pool, { id, title: id, includePublic: false });
  expect(await quiet(() => quotaCommand(depsA, defaults, ['set', 'quota-shared', '--anonymous-per-day', '5', '--key-per-day', '3']))).toBe(0);
  expect(await quiet(() => quotaCommand(depsA, defaults, ['set', 'quota-burst', '--anonymous-per-second', '2', '--anonymous-per-day', '100']))).toBe(0);
  expect(await quiet(() => quotaCommand(depsA, defaults, ['set', 'quota-memory', '--anonymous-per-day', '2']))).toBe(0);
});
afterAll(async () => {
  for (const c of counters) c.close();
  await Promise.all([depsA.close(), depsB.close()]);
});

const headersOf = (res: request.Response) => [res.headers['x-ratelimit-limit'], res.headers['x-ratelimit-remaining'], res.headers['x-ratelimit-reset']];

describe('quotas shared by two API processes through PostgreSQL', () => {
  test('anonymous calls of one address count once across both processes; the sixth is ODS\'s 429 (10005)', async () => {
    now = TEST_NOW;
    const [a, b] = [apiProcess(depsA, 'postgresql'), apiProcess(depsB, 'postgresql')];
    const seen: unknown[] = [];
    for (const app of [a, b, a, b, a]) {
      const res = await request(app).get('/quota-shared/api2/datasets/search');
      expect(res.status).toBe(200);
      seen.push(headersOf(res));
    }
    expect(seen).toEqual([4, 3, 2, 1, 0].map((left) => ['5', String(left), String(NEXT_MIDNIGHT_S)]));
    const refused = await request(b).get('/quota-shared/api2/datasets/search');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      errorcode: 10005, error: 'You have exceeded the requests limit for anonymous users.',
      reset_time: '2026-11-22T00:00:00Z', limit_time_unit: 'day', call_limit: 5,
    });
    expect(headersOf(refused)).toEqual(['5', '0', String(NEXT_MIDNIGHT_S)]);
    expect([refused.headers['retry-after'], refused.headers['access-control-allow-origin'], refused.headers['cache-control']]).toEqual([String(SECONDS_TO_MIDNIGHT), '*', 'no-store']);

    // A CKAN route of the same domain shares the quota and answers in its own shape.
    const ckan = await request(a).get('/quota-shared/api/3/action/package_search');
    expect(ckan.status).toBe(429);
    expect(ckan.body).toEqual({ success: false, error: { __type: 'Rate Limit Error', message: 'You have exceeded the requests limit for anonymous users.' } });

    // So does the domain's OGC API, in OGC's exception shape.
    const ogc = await request(b).get('/quota-shared/ogc/collections');
    expect([ogc.status, ogc.body]).toEqual([429, { code: 'TooManyRequests', description: 'You have exceeded the requests limit for anonymous users.' }]);

    // Another domain (the default one, on the configured defaults) has its own count.
    const other = await request(a).get('/api/datasets/1.0/search');
    expect([other.status, ...headersOf(other)]).toEqual([200, String(defaults.anonymous.perDay), String(defaults.anonymous.perDay - 1), String(NEXT_MIDNIGHT_S)]);

    // The next UTC day starts a new count.
    now = Date.UTC(2026, 10, 22, 0, 0, 1);
    const tomorrow = await request(b).get('/quota-shared/api2/datasets/search');
    expect([tomorrow.status, ...headersOf(tomorrow)]).toEqual([200, '5', '4', String(Date.UTC(2026, 10, 23) / 1000)]);
  });

  test('an API key has its own count and limit, whatever its address; over it, the 429 says 10002', async () => {
    now = TEST_NOW + 3_600_000;
    const { key } = await createApiKey(depsA.pool, 'quota-shared', 'quota test');
    const [a, b] = [apiProcess(depsA, 'postgresql'), apiProcess(depsB, 'postgresql')];
    const remaining: unknown[] = [];
    for (const app of [a, b, a]) {
      const res = await request(app).get('/quota-shared/api2/datasets/search').set('authorization', `Apikey ${key}`);
      expect(res.status).toBe(200);
      remaining.push(res.headers['x-ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await request(b).get(`/quota-shared/api2/datasets/search?apikey=${key}`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      errorcode: 10002, error: 'Too many requests on the domain. Please contact the domain administrator.',
      reset_time: '2026-11-22T00:00:00Z', limit_time_unit: 'day', call_limit: 3,
    });
    expect(refused.headers['cache-control']).toBe('private, no-store');
  });

  test('the per-second burst: the third call in one second is refused and not counted in the day; the next second answers', async () => {
    now = TEST_NOW + 7_200_000;
    const [a, b] = [apiProcess(depsA, 'postgresql'), apiProcess(depsB, 'postgresql')];
    expect((await request(a).get('/quota-burst/api2/datasets/search')).status).toBe(200);
    expect((await request(b).get('/quota-burst/api2/datasets/search')).status).toBe(200);
    const refused = await request(a).get('/quota-burst/api2/datasets/search');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      errorcode: 10005, error: 'You have exceeded the requests limit for anonymous users.',
      reset_time: '2026-11-21T12:30:01Z', limit_time_unit: 'second', call_limit: 2,
    });
    expect([refused.headers['retry-after'], ...headersOf(refused)]).toEqual(['1', '100', '98', String(NEXT_MIDNIGHT_S)]);
    now += 1000;
    const next = await request(b).get('/quota-burst/api2/datasets/search');
    expect([next.status, next.headers['x-ratelimit-remaining']]).toEqual([200, '97']);
  });
});

test('counters in memory are per process: each of two processes allows the whole quota', async () => {
  now = TEST_NOW;
  const [a, b] = [apiProcess(depsA, 'memory'), apiProcess(depsB, 'memory')];
  const statuses: number[] = [];
  for (const app of [a, a, b, b, a, b]) statuses.push((await request(app).get('/quota-memory/api2/datasets/search')).status);
  expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
});

test('health checks are not counted and carry no quota headers', async () => {
  now = TEST_NOW;
  const app = apiProcess(depsA, 'memory');
  const live = await request(app).get('/api/health/live');
  expect([live.status, live.headers['x-ratelimit-limit']]).toEqual([200, undefined]);
  expect((await request(app).get('/api/datasets/1.0/search')).headers['x-ratelimit-remaining']).toBe(String(defaults.anonymous.perDay - 1));
});

test('quota list shows each domain\'s own quotas and the defaults; clear puts a domain back on them', async () => {
  const lines: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((line: string) => { lines.push(line); });
  try {
    await quotaCommand(depsA, defaults, ['list']);
    expect(lines).toContain('quota-shared\tanonymous 5/day 20 (default)/s\tkeys 3/day 50 (default)/s');
    expect(await quotaCommand(depsA, defaults, ['set', 'quota-memory', '--key-per-day', '0'])).toBe(1);
    expect(await quotaCommand(depsA, defaults, ['set', 'no-such-domain', '--key-per-day', '7'])).toBe(1);
    expect(await quotaCommand(depsA, defaults, ['set', 'quota-memory', '--per-day', '7'])).toBe(2);
    expect(await quotaCommand(depsA, defaults, ['clear', 'quota-memory'])).toBe(0);
    lines.length = 0;
    await quotaCommand(depsA, defaults, ['list']);
    expect(lines).toContain('quota-memory\tanonymous 10000 (default)/day 20 (default)/s\tkeys 100000 (default)/day 50 (default)/s');
  } finally { log.mockRestore(); }
});
