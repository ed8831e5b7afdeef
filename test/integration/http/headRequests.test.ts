import { type IncomingHttpHeaders, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { createHttpServer } from '../../../src/http/httpServer';
import { TEST_NOW } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

/**
 * A HEAD gets the headers a GET gets and no body (RFC 9110 §9.3.2). For a download that means
 * reading no record: Node drops a HEAD's body, so a download written for a HEAD would scan the
 * whole dataset with no client to hold it back. What Elasticsearch is asked is counted on the
 * real client: the GET of each download opens a point-in-time snapshot, the HEAD none.
 */
let deps: Deps & { close(): Promise<void> };
let server: Server;
let base: string;
const DATASET = 'head-rows';
const ROWS = Array.from({ length: 60 }, (_, i) => [`lieu ${i}`, String(i), `{"type": "Point", "coordinates": [2.${i}, 48.8]}`]);

beforeAll(async () => {
  deps = await openTestDeps();
  await publishTinyCsv(deps, DATASET, [{ name: 'nom', type: 'text' }, { name: 'n', type: 'int' }, { name: 'geo_shape', type: 'geo_shape' }], ROWS);
  // Pages of more than 20 records are read and sent in pieces.
  server = createHttpServer(createApp(deps, pino({ level: 'silent' }), { clock: () => TEST_NOW, pages: { pieceRows: 20 } })).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await deps.close();
});
afterEach(() => jest.restoreAllMocks());

interface Raw { status: number; headers: IncomingHttpHeaders; bytes: Buffer }

const send = (method: string, url: string, headers: Record<string, string> = {}): Promise<Raw> => new Promise((resolve, reject) => {
  const req = httpRequest(url, { method, headers }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end();
});

/** The headers a HEAD must repeat from GET: those known before the body is written. */
const SAME = ['content-type', 'content-disposition', 'content-encoding', 'vary', 'cache-control'];
const picked = (headers: IncomingHttpHeaders): Array<string | string[] | undefined> => SAME.map((h) => headers[h]);

/**
 * The snapshots opened and closed, and the requests Elasticsearch got, while `run` goes: counted
 * on the real client. An answer ends once its pages are let go, so every close is counted.
 */
async function snapshots(run: () => Promise<Raw>): Promise<{ res: Raw; opened: number; closed: number; requests: number }> {
  const open = jest.spyOn(deps.es, 'openPointInTime');
  const close = jest.spyOn(deps.es, 'closePointInTime');
  const requests = jest.spyOn(deps.es.transport, 'request');
  const res = await run();
  const counts = { res, opened: open.mock.calls.length, closed: close.mock.calls.length, requests: requests.mock.calls.length };
  jest.restoreAllMocks();
  return counts;
}

const download = (format: string): string => `${base}/api/records/1.0/download?dataset=${DATASET}&format=${format}`;

describe('HEAD', () => {
  test.each([
    ['csv', {}], ['json', {}], ['geojson', {}], ['csv', { 'accept-encoding': 'gzip' }], ['json', { 'accept-encoding': 'br' }],
  ])('of a %s download (%j): GET\'s headers, no body, and no record read', async (format, headers) => {
    const get = await snapshots(() => send('GET', download(format), headers));
    expect([get.res.status, get.res.bytes.length > 0, get.opened]).toEqual([200, true, 1]);
    const head = await snapshots(() => send('HEAD', download(format), headers));
    expect([head.res.status, head.res.bytes.length, head.opened, head.closed]).toEqual([200, 0, 0, 0]);
    expect(picked(head.res.headers)).toEqual(picked(get.res.headers));
  });

  test.each([['shp'], ['gpkg'], ['fgb']])('of a %s download: its type and file name, no body, and no record read', async (format) => {
    const get = await snapshots(() => send('GET', download(format)));
    expect([get.res.status, get.res.bytes.length > 0, get.opened]).toEqual([200, true, 1]);
    const head = await snapshots(() => send('HEAD', download(format)));
    expect([head.res.status, head.res.bytes.length, head.opened]).toEqual([200, 0, 0]);
    expect([head.res.headers['content-type'], head.res.headers['content-disposition']]).toEqual([get.res.headers['content-type'], get.res.headers['content-disposition']]);
  });

  test('of an unknown dataset\'s download, or with a bad parameter: the same 4xx as GET', async () => {
    for (const query of ['dataset=nothing-here&format=csv', `dataset=${DATASET}&format=nope`]) {
      const get = await send('GET', `${base}/api/records/1.0/download?${query}`);
      const head = await send('HEAD', `${base}/api/records/1.0/download?${query}`);
      expect([query, head.status, head.bytes.length]).toEqual([query, get.status, 0]);
      expect(get.status >= 400 && get.status < 500).toBe(true);
    }
  });

  test.each([
    ['an ODS page', `/api/records/1.0/search?dataset=${DATASET}&sort=n&rows=50`],
    ['a CKAN page', `/api/3/action/datastore_search?resource_id=${DATASET}&limit=50`],
  ])('of %s read in pieces: GET\'s headers, no body, and its snapshot let go at once', async (_name, path) => {
    const get = await snapshots(() => send('GET', `${base}${path}`));
    expect([get.res.status, get.opened, get.closed]).toEqual([200, 1, 1]);
    const head = await snapshots(() => send('HEAD', `${base}${path}`));
    expect([head.res.status, head.res.bytes.length, head.opened, head.closed]).toEqual([200, 0, 1, 1]);
    expect(head.requests).toBeLessThan(get.requests);
    expect(picked(head.res.headers)).toEqual(picked(get.res.headers));
  });

  test('of an OGC API page read in pieces (after the last record id, no snapshot): GET\'s headers, no body, and only its first piece read', async () => {
    const path = `/ogc/collections/${DATASET}/items?limit=50`;
    const get = await snapshots(() => send('GET', `${base}${path}`));
    const head = await snapshots(() => send('HEAD', `${base}${path}`));
    expect([get.res.status, head.res.status, head.res.bytes.length]).toEqual([200, 200, 0]);
    // 50 features in pieces of 20: the GET reads three pieces, the HEAD the first alone.
    expect(get.requests - head.requests).toBe(2);
    expect(picked(head.res.headers)).toEqual(picked(get.res.headers));
  });
});
