import { once } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import WebSocket from 'ws';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import { upsertDomain } from '../../../src/execute/datasetStore';
import type { Deps } from '../../../src/execute/deps';
import { JobBus } from '../../../src/execute/jobBus';
import { createApp } from '../../../src/http/app';
import { createHttpServer } from '../../../src/http/httpServer';
import { JobBody, jobEnd, LIEUX, LIEUX_ROWS, lieuxDescriptor, M, upload } from '../../support/management';
import { openTestDeps } from '../../support/testDeps';

/**
 * Jobs followed over a WebSocket (issue 14), with the npm `ws` client: the events of the SSE
 * stream as messages, the same keys and refusals as every management route, answered in JSON
 * before any protocol switch.
 */

interface Message { type: string; id: number; message: string; job: JobBody }
interface Followed { messages: Message[]; code: number }
interface Refused { status: number; type: string; body: { type?: string; status?: number; detail?: string; nhits?: number } }

let deps: Deps & { close(): Promise<void> };
let app: Express;
let server: Server;
let wsBase: string;
const keys = { write: '', read: '', other: '' };

beforeAll(async () => {
  deps = await openTestDeps();
  await upsertDomain(deps.pool, { id: 'ws-other', title: 'Another domain', includePublic: false });
  keys.write = (await createApiKey(deps.pool, 'default', 'ws-write', 'write')).key;
  keys.read = (await createApiKey(deps.pool, 'default', 'ws-read', 'read')).key;
  keys.other = (await createApiKey(deps.pool, 'ws-other', 'ws-other', 'write')).key;
  app = createApp(deps, pino({ level: 'silent' }), { uploads: { dir: mkdtempSync(join(tmpdir(), 'portal-search-uploads-')), maxBytes: 64 * 1024 * 1024 }, jobBus: new JobBus() });
  server = createHttpServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  wsBase = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  server.close();
  await deps.close();
});

const authorization = (key: string) => ({ headers: { Authorization: `Apikey ${key}` } });

/** Follows a job until the server closes the socket. */
function follow(url: string, options: WebSocket.ClientOptions = {}): Promise<Followed> {
  return new Promise((resolve, reject) => {
    const messages: Message[] = [];
    const socket = new WebSocket(url, options);
    socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as Message));
    socket.on('close', (code: number) => resolve({ messages, code }));
    socket.on('unexpected-response', (_req, res: IncomingMessage) => reject(new Error(`refused: ${String(res.statusCode)}`)));
    socket.on('error', reject);
  });
}

/** Opens a socket that the server is expected to refuse, and returns its HTTP answer. */
function refusal(url: string, options: WebSocket.ClientOptions = {}): Promise<Refused> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.on('open', () => { socket.close(); reject(new Error('the server switched protocols')); });
    socket.on('unexpected-response', (_req, res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Refused['body'] }));
    });
    socket.on('error', () => undefined);
  });
}

let jobId = 0;

describe('a job followed over a WebSocket', () => {
  test('a publish sends its progress as messages, ends with the raw row count, and the server closes with 1000', async () => {
    const started = await upload(app, keys.write, LIEUX, { descriptor: lieuxDescriptor('ws-lieux') });
    expect(started.status).toBe(202);
    jobId = (started.body as JobBody).id;
    const { messages, code } = await follow(`${wsBase}${M}/jobs/${jobId}/events`, authorization(keys.write));
    expect(code).toBe(1000);
    const last = messages[messages.length - 1];
    expect([last.type, last.job.status, last.job.rows_read, last.job.rows_indexed]).toEqual(['end', 'COMPLETED', LIEUX_ROWS, LIEUX_ROWS]);
    expect(last.message).toBe(`COMPLETED (${String(last.job.phase)}): ${LIEUX_ROWS} rows read, ${LIEUX_ROWS} indexed, ${last.job.rows_warned} with warnings`);
    expect(messages.map((m) => m.id)).toEqual(messages.map((_m, i) => i + 1));
    expect(messages.slice(0, -1).every((m) => m.type === 'progress')).toBe(true);
    const reads = messages.map((m) => m.job.rows_read);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
    const polled = await jobEnd(app, keys.write, jobId);
    expect(last.job).toEqual(polled);
  });

  test('a client that connects after the end gets the final state, then end; the key may be the apikey parameter, as a browser must', async () => {
    const { messages, code } = await follow(`${wsBase}${M}/jobs/${jobId}/events?apikey=${keys.write}`);
    expect([code, messages.map((m) => [m.type, m.job.status])]).toEqual([1000, [['progress', 'COMPLETED'], ['end', 'COMPLETED']]]);
  });

  test('a client that sends more than a kilobyte is closed with 1009 (message too big)', async () => {
    const socket = new WebSocket(`${wsBase}${M}/jobs/${jobId}/events`, authorization(keys.write));
    await once(socket, 'open');
    socket.send('x'.repeat(4096));
    const [code] = await once(socket, 'close') as [number];
    // The job has ended: the server may also have closed first with 1000 after its two messages.
    expect([1000, 1009]).toContain(code);
  });
});

describe('refused before the protocol switch, in JSON', () => {
  test('no key: 401, as problem details', async () => {
    const r = await refusal(`${wsBase}${M}/jobs/${jobId}/events`);
    expect([r.status, r.type, r.body.type]).toEqual([401, expect.stringMatching(/^application\/problem\+json/), 'urn:portal-search:error:unauthorized']);
  });

  test('a read key: 403, as problem details', async () => {
    const r = await refusal(`${wsBase}${M}/jobs/${jobId}/events`, authorization(keys.read));
    expect([r.status, r.body.type]).toEqual([403, 'urn:portal-search:error:forbidden']);
  });

  test("a key of another domain, or a job that does not exist: 404 naming the job", async () => {
    const other = await refusal(`${wsBase}${M}/jobs/${jobId}/events`, authorization(keys.other));
    const missing = await refusal(`${wsBase}${M}/jobs/999999999/events`, authorization(keys.write));
    expect([other.status, other.body.detail]).toEqual([404, `No job ${jobId} that this key manages.`]);
    expect([missing.status, missing.body.detail]).toEqual([404, 'No job 999999999 that this key manages.']);
  });

  test('a route that speaks no WebSocket answers in plain HTTP on the same connection', async () => {
    const r = await refusal(`${wsBase}/api/records/1.0/search?dataset=ws-lieux&rows=0`);
    expect([r.status, r.body.nhits]).toEqual([200, LIEUX_ROWS]);
    const plain = await request(app).get('/api/records/1.0/search').query({ dataset: 'ws-lieux', rows: 0 });
    expect(plain.body.nhits).toBe(LIEUX_ROWS);
  });

  test('a POST that asks to switch protocols is a 405 before its body is read, and the connection closes', async () => {
    const socket = connect(Number(new URL(wsBase).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.write(`POST ${M}/datasets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Apikey ${keys.write}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`);
    await once(socket, 'close');
    const answer = Buffer.concat(chunks).toString('utf8');
    const [head, body] = answer.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 405 Method Not Allowed');
    expect((JSON.parse(body) as Refused['body']).type).toBe('urn:portal-search:error:method_not_allowed');
  });
});
