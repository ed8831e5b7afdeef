import { createHash } from 'node:crypto';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { createHttpServer } from '../../../src/http/httpServer';
import { TEST_NOW, testApp } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

/**
 * Answers of text types are compressed for clients that accept it (RFC 9110 §8.4, §12.5.3): each
 * compressed answer, once decoded by the coding's own decoder, must be byte for byte the answer
 * the same request gets without `Accept-Encoding`; a page rendered whole has for ETag that
 * answer's SHA-1 marked with the coding.
 */
let deps: Deps & { close(): Promise<void> };
const servers: Server[] = [];
let base: string;
let offBase: string;
let piecesBase: string;
const DATASET = 'gz-rows';
const ROWS = Array.from({ length: 60 }, (_, i) => [`rue numéro ${i} de la ville`, String(i)]);

const listen = async (server: Server): Promise<string> => {
  servers.push(server.listen(0, '127.0.0.1'));
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  deps = await openTestDeps();
  // A description long enough for its catalog entry to be compressed.
  const description = Array.from({ length: 30 }, (_, i) => `Ligne ${i} : les rues de la ville, une à une.`).join(' ');
  await publishTinyCsv(deps, DATASET, [{ name: 'name', type: 'text' }, { name: 'n', type: 'int' }], ROWS, { metadata: { description } });
  base = await listen(createHttpServer(testApp(deps)));
  offBase = await listen(createHttpServer(createApp(deps, pino({ level: 'silent' }), { compression: false })));
  // Pages of more than 20 records are sent in pieces, as they are read.
  piecesBase = await listen(createHttpServer(createApp(deps, pino({ level: 'silent' }), { clock: () => TEST_NOW, pages: { pieceRows: 20 } })));
});
afterAll(async () => {
  for (const server of servers) server.close();
  await deps.close();
});

interface Raw { status: number; headers: IncomingHttpHeaders; bytes: Buffer }

/** A GET with exactly these request headers (Node's client adds no Accept-Encoding), its body's bytes as they came. */
const raw = (url: string, headers: Record<string, string> = {}): Promise<Raw> => new Promise((resolve, reject) => {
  get(url, { headers }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    res.on('error', reject);
  }).on('error', reject);
});

const sha1Etag = (bytes: Buffer): string => `"${createHash('sha1').update(bytes).digest('base64url')}"`;
const varies = (res: Raw): string[] => String(res.headers.vary ?? '').split(/,\s*/);
const page = (query: string): string => `${base}/api/records/1.0/search?dataset=${DATASET}&sort=n&rows=50${query}`;

describe('answers compressed when the client accepts it', () => {
  test('without Accept-Encoding a page goes as it is, with the ETag of its bytes, and says it varies by Accept-Encoding', async () => {
    const plain = await raw(page(''));
    expect(plain.status).toBe(200);
    expect(plain.bytes.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.etag).toBe(sha1Etag(plain.bytes));
    expect(Number(plain.headers['content-length'])).toBe(plain.bytes.length);
    expect(varies(plain)).toEqual(expect.arrayContaining(['Authorization', 'X-CKAN-API-Key', 'Accept-Encoding']));
    expect((JSON.parse(plain.bytes.toString('utf8')) as { records: unknown[] }).records).toHaveLength(50);
  });

  test.each([
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br, zstd', 'gzip'],
    ['br', 'br'],
    ['gzip;q=0.5, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
  ])('Accept-Encoding: %s gets %s, which decodes to the bytes sent without it, under their ETag marked with the coding', async (accept, coding) => {
    const plain = await raw(page(''));
    const coded = await raw(page(''), { 'accept-encoding': accept });
    expect([coded.status, coded.headers['content-encoding']]).toEqual([200, coding]);
    const decoded = coding === 'br' ? brotliDecompressSync(coded.bytes) : gunzipSync(coded.bytes);
    expect(decoded.equals(plain.bytes)).toBe(true);
    expect(coded.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(Number(coded.headers['content-length'])).toBe(coded.bytes.length);
    expect(coded.headers['content-type']).toBe(plain.headers['content-type']);
    expect(coded.headers.etag).toBe(`${sha1Etag(plain.bytes).slice(0, -1)}-${coding}"`);
    expect(varies(coded)).toContain('Accept-Encoding');
  });

  test.each([['identity'], ['gzip;q=0, br;q=0'], ['deflate'], ['x-unknown']])('Accept-Encoding: %s gets the bytes as they are', async (accept) => {
    const plain = await raw(page(''));
    const res = await raw(page(''), { 'accept-encoding': accept });
    expect([res.status, res.headers['content-encoding'], res.bytes.equals(plain.bytes)]).toEqual([200, undefined, true]);
  });

  test('a client holding a representation gets a 304 for it, and the whole page for another coding', async () => {
    const gz = await raw(page(''), { 'accept-encoding': 'gzip' });
    const again = await raw(page(''), { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag! });
    expect([again.status, again.bytes.length, again.headers.etag]).toEqual([304, 0, gz.headers.etag]);
    const other = await raw(page(''), { 'accept-encoding': 'br', 'if-none-match': gz.headers.etag! });
    expect([other.status, other.headers['content-encoding']]).toEqual([200, 'br']);
    const plain = await raw(page(''), { 'if-none-match': gz.headers.etag! });
    expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined]);
  });

  test('JSONP, CSV, CKAN and catalog pages are compressed alike', async () => {
    for (const url of [
      page('&format=jsonp&callback=cb'),
      page('&format=csv'),
      `${base}/api/3/action/datastore_search?resource_id=${DATASET}&limit=50`,
      `${base}/api/3/action/package_show?id=${DATASET}`,
      `${base}/api/datasets/1.0/search/?q=${DATASET}&rows=10`,
    ]) {
      const plain = await raw(url);
      const coded = await raw(url, { 'accept-encoding': 'gzip' });
      expect([url, plain.status, plain.bytes.length > 1024, coded.status, coded.headers['content-encoding']]).toEqual([url, 200, true, 200, 'gzip']);
      expect(gunzipSync(coded.bytes).equals(plain.bytes)).toBe(true);
      expect(coded.headers['content-type']).toBe(plain.headers['content-type']);
    }
  });

  test.each([['br'], ['gzip']])('downloads and pages sent in pieces are compressed as they are written (%s), and decode to the bytes sent without it', async (coding) => {
    const decode = (bytes: Buffer): Buffer => (coding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes));
    for (const url of [
      ...['csv', 'json', 'ndjson'].map((format) => `${base}/api/records/1.0/download?dataset=${DATASET}&format=${format}`),
      `${piecesBase}/api/records/1.0/search?dataset=${DATASET}&sort=n&rows=50`,
      `${piecesBase}/api/3/action/datastore_search?resource_id=${DATASET}&limit=50`,
    ]) {
      const plain = await raw(url);
      const coded = await raw(url, { 'accept-encoding': coding });
      expect([url, plain.status, plain.headers['content-encoding'], coded.status, coded.headers['content-encoding']]).toEqual([url, 200, undefined, 200, coding]);
      expect(decode(coded.bytes).equals(plain.bytes)).toBe(true);
      expect(coded.bytes.length).toBeLessThan(plain.bytes.length);
      expect([coded.headers['content-type'], varies(coded)]).toEqual([plain.headers['content-type'], expect.arrayContaining(['Accept-Encoding'])]);
    }
    // The page in pieces is the page sent whole by an app that reads it at once.
    const whole = await raw(page(''), { 'accept-encoding': coding });
    expect(decode(whole.bytes).equals(decode((await raw(`${piecesBase}/api/records/1.0/search?dataset=${DATASET}&sort=n&rows=50`, { 'accept-encoding': coding })).bytes))).toBe(true);
  });

  test('a page under 1 KiB goes as it is', async () => {
    const url = `${base}/api/records/1.0/search?dataset=${DATASET}&rows=0`;
    const plain = await raw(url);
    expect(plain.bytes.length).toBeLessThan(1024);
    const res = await raw(url, { 'accept-encoding': 'gzip, br' });
    expect([res.status, res.headers['content-encoding'], res.bytes.equals(plain.bytes)]).toEqual([200, undefined, true]);
  });

  test('HEAD says what GET would send', async () => {
    const getRes = await raw(page(''), { 'accept-encoding': 'br' });
    const head = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      get(page(''), { method: 'HEAD', headers: { 'accept-encoding': 'br' } }, (res) => { res.resume(); res.on('end', () => resolve(res.headers)); }).on('error', reject);
    });
    expect([head['content-encoding'], head['content-length'], head.etag]).toEqual(['br', String(getRes.bytes.length), getRes.headers.etag]);
  });

  test("Node's fetch, a client that asks for compression and decodes it, reads the same page", async () => {
    const plain = JSON.parse((await raw(page(''))).bytes.toString('utf8')) as unknown;
    const res = await fetch(page(''));
    expect(['br', 'gzip']).toContain(res.headers.get('content-encoding'));
    expect(await res.json()).toEqual(plain);
  });

  test('RESPONSE_COMPRESSION=off: every page goes as it is and does not vary by Accept-Encoding', async () => {
    const url = `${offBase}/api/records/1.0/search?dataset=${DATASET}&sort=n&rows=50`;
    const res = await raw(url, { 'accept-encoding': 'gzip, br' });
    expect([res.status, res.headers['content-encoding'], res.headers.etag]).toEqual([200, undefined, sha1Etag(res.bytes)]);
    expect(varies(res)).not.toContain('Accept-Encoding');
  });
});
