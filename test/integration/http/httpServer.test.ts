import { Agent, get, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { createHttpServer } from '../../../src/http/httpServer';
import { testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let app: Express;
let server: Server;
/** For each request the server built: whether its request and answer came with Express's prototypes. */
const built: Array<{ request: boolean; answer: boolean; nodeTypes: boolean }> = [];
const DATASET = 'srv-tiny';
let connections = 0;

/** A GET through `agent`: its status, headers and body. */
const fetchWith = (agent: Agent, url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> =>
  new Promise((resolve, reject) => {
    get(url, { agent, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on('error', reject);
  });

beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, DATASET, [{ name: 'name', type: 'text' }, { name: 'n', type: 'int' }], [['alpha', '1'], ['beta', '2'], ['gamma', '3']]);
  app = testApp(deps);
  server = createHttpServer(app);
  // Before the application sees them: the objects as the server built them.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    built.push({
      request: Object.getPrototypeOf(req) === app.request,
      answer: Object.getPrototypeOf(res) === app.response,
      nodeTypes: req instanceof IncomingMessage && res instanceof ServerResponse,
    });
  });
  server.on('connection', () => { connections += 1; });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => { server.close(); await deps.close(); });

describe('the HTTP server', () => {
  test('builds each request and answer on the application\'s own prototypes, still Node\'s types', async () => {
    built.length = 0;
    const res = await request(server).get('/api/health/live');
    expect(res.status).toBe(200);
    expect(built).toEqual([{ request: true, answer: true, nodeTypes: true }]);
  });

  test('serves a search, its query string and headers read, on one kept-alive connection', async () => {
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/records/1.0/search?dataset=${DATASET}&q=beta&sort=n`;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    built.length = 0;
    const before = connections;
    for (let i = 0; i < 3; i++) {
      const res = await fetchWith(agent, url, { 'if-none-match': '"not-this-one"' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers.etag).toMatch(/^(W\/)?"/);
      const body = JSON.parse(res.body) as { nhits: number; records: Array<{ fields: { name: string; n: number } }> };
      expect(body.nhits).toBe(1);
      expect(body.records.map((r) => r.fields)).toEqual([{ name: 'beta', n: 2 }]);
    }
    agent.destroy();
    expect(built).toHaveLength(3);
    expect(built.every((b) => b.request && b.answer && b.nodeTypes)).toBe(true);
    expect(connections - before).toBe(1);
  });

  test('an unknown route and a refused parameter still get their JSON errors', async () => {
    const missing = await request(server).get('/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual(expect.any(String));
    const bad = await request(server).get(`/api/records/1.0/search?dataset=${DATASET}&rows=-1`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('rows');
  });
});
