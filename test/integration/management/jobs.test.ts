import { type EventEmitter, once } from 'node:events';
import { get as httpGet, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import type { Deps } from '../../../src/execute/deps';
import { createJob, getJob } from '../../../src/execute/jobStore';
import { JobBus } from '../../../src/execute/jobBus';
import { createApp } from '../../../src/http/app';
import { parseDescriptor } from '../../../src/catalog/parseDescriptor';
import { failOrphanJobs } from '../../../src/usecases/failOrphanJobs';
import { runPublishJob } from '../../../src/usecases/runPublishJob';
import { JobBody, LIEUX, LIEUX_ROWS, lieuxDescriptor, M, upload, uploadAndWait } from '../../support/management';
import { openTestDeps } from '../../support/testDeps';

/**
 * Jobs (issue 14): progress as Server-Sent Events read by a real EventSource client, cancellation,
 * jobs left by a stopped server, and a delete while an export reads the dataset.
 */

let deps: Deps & { close(): Promise<void> };
let app: Express;
let server: Server;
let base: string;
let key: string;
const bus = new JobBus();

beforeAll(async () => {
  deps = await openTestDeps();
  key = (await createApiKey(deps.pool, 'default', 'jobs', 'write')).key;
  // Export pages of 100 records: an export of lieux-de-tournage reads 148 pages from its snapshot.
  app = createApp(deps, pino({ level: 'silent' }), { uploads: { dir: mkdtempSync(join(tmpdir(), 'portal-search-uploads-')), maxBytes: 64 * 1024 * 1024 }, jobBus: bus, exportPageSize: 100 });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  server.close();
  await deps.close();
});

interface Seen { type: string; job: JobBody }

/** Follows a job's events with the npm eventsource client until its `end` event. */
function follow(id: number): Promise<Seen[]> {
  return new Promise((resolve, reject) => {
    const seen: Seen[] = [];
    const source = new EventSource(`${base}${M}/jobs/${id}/events`, {
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Apikey ${key}` } }),
    });
    source.addEventListener('progress', (e) => seen.push({ type: 'progress', job: JSON.parse(e.data) as JobBody }));
    source.addEventListener('end', (e) => { seen.push({ type: 'end', job: JSON.parse(e.data) as JobBody }); source.close(); resolve(seen); });
    source.onerror = (e) => { if (seen.length === 0) { source.close(); reject(new Error(`event stream failed: ${String(e.message)}`)); } };
  });
}

describe('job events', () => {
  test('a publish streams its progress (rows read growing, then indexing) and ends COMPLETED with the raw row count', async () => {
    const started = await upload(app, key, LIEUX, { descriptor: lieuxDescriptor('jobs-lieux') });
    expect(started.status).toBe(202);
    const events = await follow((started.body as JobBody).id);
    const last = events[events.length - 1];
    expect([last.type, last.job.status, last.job.rows_read, last.job.rows_published, last.job.rows_indexed]).toEqual(['end', 'COMPLETED', LIEUX_ROWS, LIEUX_ROWS, LIEUX_ROWS]);
    const reads = events.filter((e) => e.type === 'progress').map((e) => e.job.rows_read);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    // Batches of 1,000 rows are reported while reading: more than one progress event before the end.
    expect(new Set(reads).size).toBeGreaterThan(2);
    expect(events.some((e) => e.job.phase === 'indexing')).toBe(true);
  });

  test('a client that connects after the end gets the final state at once, then end', async () => {
    const jobs = await request(app).get(`${M}/jobs`).query({ dataset: 'jobs-lieux' }).set('Authorization', `Apikey ${key}`);
    const id = (jobs.body.jobs as JobBody[])[0].id;
    const events = await follow(id);
    expect(events.map((e) => [e.type, e.job.status])).toEqual([['progress', 'COMPLETED'], ['end', 'COMPLETED']]);
  });
});

describe('cancelling and stopped servers', () => {
  const descriptor = (id: string) => parseDescriptor({ ...JSON.parse(lieuxDescriptor(id)) as object, source: { path: LIEUX, format: 'csv' } }, id);

  test('a HEAD of the events gets the stream\'s headers and an empty body, and does not follow the job', async () => {
    const job = await createJob(deps.pool, 'jobs-head', 'default', { descriptor: descriptor('jobs-head') });
    const followers = (): number => (bus as unknown as { emitter: EventEmitter }).emitter.listenerCount(String(job.id));
    const head = await fetch(`${base}${M}/jobs/${job.id}/events`, { method: 'HEAD', headers: { Authorization: `Apikey ${key}` } });
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([200, 'text/event-stream; charset=utf-8', '']);
    expect(followers()).toBe(0);
    // A GET of the same stream follows it until the client goes.
    const controller = new AbortController();
    const get = await fetch(`${base}${M}/jobs/${job.id}/events`, { headers: { Authorization: `Apikey ${key}` }, signal: controller.signal });
    expect([get.status, followers()]).toEqual([200, 1]);
    controller.abort();
    await deps.pool.query("UPDATE ingest_jobs SET state = 'cancelled' WHERE id = $1", [job.id]);
  });

  test('a pending job cancelled is never run', async () => {
    const job = await createJob(deps.pool, 'jobs-never', 'default', { descriptor: descriptor('jobs-never') });
    const cancelled = await request(app).delete(`${M}/jobs/${job.id}`).set('Authorization', `Apikey ${key}`);
    expect([cancelled.status, cancelled.body.status]).toEqual([202, 'CANCELLED']);
    await runPublishJob(deps, bus, job);
    expect((await getJob(deps.pool, job.id))?.state).toBe('cancelled');
    expect((await deps.pool.query("SELECT 1 FROM datasets WHERE id = 'jobs-never'")).rowCount).toBe(0);
    const again = await request(app).delete(`${M}/jobs/${job.id}`).set('Authorization', `Apikey ${key}`);
    expect([again.status, again.body.detail]).toEqual([409, expect.stringContaining('has ended already (CANCELLED)')]);
  });

  test('a running job asked to stop stops at its next batch; the previous version keeps serving', async () => {
    // jobs-lieux serves its first version; a second publish is asked to stop before its first batch is reported.
    const job = await createJob(deps.pool, 'jobs-lieux', 'default', { descriptor: descriptor('jobs-lieux') });
    await deps.pool.query('UPDATE ingest_jobs SET cancel_requested = true WHERE id = $1', [job.id]);
    await runPublishJob(deps, bus, job);
    const ended = await getJob(deps.pool, job.id);
    expect([ended?.state, ended?.error]).toEqual(['cancelled', 'cancelled before the records were written: nothing changed']);
    const search = await request(app).get('/api/records/1.0/search').query({ dataset: 'jobs-lieux', rows: 0 });
    expect(search.body.nhits).toBe(LIEUX_ROWS);
    const versions = await deps.pool.query("SELECT count(*)::int AS n FROM index_versions WHERE dataset_id = 'jobs-lieux'");
    expect(versions.rows[0].n).toBe(1);
  });

  test('a job left running by a stopped server is marked FAILED, unless its publish lock is held', async () => {
    const orphan = await createJob(deps.pool, 'jobs-orphan', 'default', { descriptor: descriptor('jobs-orphan') });
    await deps.pool.query("UPDATE ingest_jobs SET state = 'running', phase = 'reading', updated_at = now() - interval '5 minutes' WHERE id = $1", [orphan.id]);
    expect(await failOrphanJobs(deps)).toEqual([orphan.id]);
    const failed = await getJob(deps.pool, orphan.id);
    expect([failed?.state, failed?.error]).toEqual(['failed', 'the server stopped during the job; the previous version keeps serving (run the job again)']);
  });
});

describe('delete while exporting', () => {
  test('an export already running finishes from its snapshot; the index goes once it is done', async () => {
    const job = await uploadAndWait(app, key, LIEUX, { descriptor: lieuxDescriptor('jobs-export') });
    expect(job.status).toBe('COMPLETED');
    const index = (await deps.pool.query<{ index_name: string }>("SELECT index_name FROM index_versions WHERE dataset_id = 'jobs-export' AND state = 'live'")).rows[0].index_name;
    const res = await new Promise<IncomingMessage>((resolve) => httpGet(`${base}/api/records/1.0/download?dataset=jobs-export&format=csv`, resolve));
    res.pause();
    const chunks: Buffer[] = [];
    // The first bytes are here: the export has its snapshot; it is paused by backpressure.
    await once(res, 'readable');
    const deleted = await request(app).delete(`${M}/datasets/jobs-export`).set('Authorization', `Apikey ${key}`);
    expect(deleted.status).toBe(204);
    expect((await request(app).get('/api/records/1.0/search').query({ dataset: 'jobs-export' })).status).toBe(404);
    res.on('data', (c: Buffer) => chunks.push(c));
    res.resume();
    await once(res, 'end');
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split(/\r?\n/);
    // The header and one line per record (no field of this dataset spans lines).
    expect(lines.length - 1).toBe(LIEUX_ROWS);
    // Nothing reads the retired index any more: the sweeper deletes it.
    const { sweepRetiredIndices } = await import('../../../src/execute/sweepRetiredIndices');
    await sweepRetiredIndices(deps);
    expect(await deps.es.indices.exists({ index })).toBe(false);
  });
});
