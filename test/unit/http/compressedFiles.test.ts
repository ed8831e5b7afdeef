import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type IncomingMessage, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import pino from 'pino';
import { COMPRESSION_SETTING } from '../../../src/dialects/shared/answerCoding';
import type { Deps } from '../../../src/execute/deps';
import { createEsClient } from '../../../src/execute/elasticsearch';
import { Metrics } from '../../../src/execute/metrics';
import { createApp } from '../../../src/http/app';
import { compressedFiles } from '../../../src/http/compressedFiles';

/**
 * Static files (the explorer's bundle, Swagger UI) and the OpenAPI document go compressed to a
 * client that accepts it (RFC 9110 §8.4): decoded with the coding's own decoder, each answer must
 * be byte for byte the file on disk, or the document as it is sent without Accept-Encoding.
 */
let dir: string;
let root: string;
const servers: Server[] = [];
let on: string;
let off: string;
let api: string;
const es = createEsClient({ esNodes: ['http://127.0.0.1:1'], esRequestTimeoutMs: 1000 });

// A script of 40 KB whose lines differ, a style sheet under 1 KiB, and an image.
const SCRIPT = Array.from({ length: 800 }, (_, i) => `export const line${i} = 'valeur numéro ${i * 7919 % 1000}';\n`).join('');

const listen = async (app: express.Express): Promise<string> => {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const filesApp = (compress: boolean): express.Express => {
  const app = express();
  app.set(COMPRESSION_SETTING, compress);
  app.use('/assets', compressedFiles(root), express.static(root, { index: false }));
  return app;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'compressed-files-'));
  root = join(dir, 'assets');
  mkdirSync(join(root, 'layers'), { recursive: true });
  writeFileSync(join(root, 'app.js'), SCRIPT);
  writeFileSync(join(root, 'small.css'), 'body { margin: 0 }\n');
  writeFileSync(join(root, 'marker.png'), Buffer.alloc(4096, 7));
  writeFileSync(join(root, '.hidden.js'), SCRIPT);
  writeFileSync(join(root, 'layers', 'regions.geojson'), JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: 200 }, (_, i) => ({ type: 'Feature', properties: { n: i }, geometry: { type: 'Point', coordinates: [2 + i / 1000, 48] } })) }));
  // Beside the root, never to be served from it.
  writeFileSync(join(dir, 'secret.js'), SCRIPT);
  on = await listen(filesApp(true));
  off = await listen(filesApp(false));
  api = await listen(createApp({ es } as Deps, pino({ level: 'silent' }), { metrics: { metrics: new Metrics({ defaults: false }) } }));
});
afterAll(async () => {
  for (const server of servers) server.close();
  await es.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Raw { status: number; headers: IncomingHttpHeaders; bytes: Buffer }

/** The answer's status, headers and body bytes as they came. */
const collected = (resolve: (raw: Raw) => void, reject: (err: Error) => void) => (res: IncomingMessage): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
  res.on('error', reject);
};

/** A request with exactly these headers (Node's client adds no Accept-Encoding). */
const raw = (url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> => new Promise((resolve, reject) => {
  httpRequest(url, { headers, method }, collected(resolve, reject)).on('error', reject).end();
});

/** A GET of `path` sent as it is written (a URL would have its dot segments resolved by the client first). */
const rawPath = (url: string, path: string, headers: Record<string, string>): Promise<Raw> => new Promise((resolve, reject) => {
  const { hostname, port } = new URL(url);
  get({ hostname, port, path, headers }, collected(resolve, reject)).on('error', reject);
});

const decode = (bytes: Buffer, coding: string): Buffer => (coding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes));
const varies = (res: Raw): string[] => String(res.headers.vary ?? '').split(/,\s*/).filter(Boolean);

describe('static files compressed for clients that accept it', () => {
  test.each([['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'gzip'], ['br;q=0.1, gzip', 'gzip']])('Accept-Encoding: %s gets %s, which decodes to the file on disk', async (accept, coding) => {
    const file = readFileSync(join(root, 'app.js'));
    const res = await raw(`${on}/assets/app.js`, { 'accept-encoding': accept });
    expect([res.status, res.headers['content-encoding'], res.headers['content-type']]).toEqual([200, coding, expect.stringMatching(/^text\/javascript/)]);
    expect(decode(res.bytes, coding).equals(file)).toBe(true);
    expect(res.bytes.length).toBeLessThan(file.length / 4);
    expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
    expect(varies(res)).toContain('Accept-Encoding');
    expect(res.headers.etag).toMatch(new RegExp(`^W/".+-${coding}"$`));
    // A date would validate the bytes as they are too: the coded copy has its ETag alone.
    expect(res.headers['last-modified']).toBeUndefined();
  });

  test('a GeoJSON file in a folder is compressed too, and decodes to the file', async () => {
    const res = await raw(`${on}/assets/layers/regions.geojson`, { 'accept-encoding': 'gzip' });
    expect([res.status, res.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect(gunzipSync(res.bytes).equals(readFileSync(join(root, 'layers', 'regions.geojson')))).toBe(true);
  });

  test('a coded file has the content type express.static gives the file as it is', async () => {
    for (const path of ['/assets/app.js', '/assets/layers/regions.geojson']) {
      const plain = await raw(`${on}${path}`);
      const coded = await raw(`${on}${path}`, { 'accept-encoding': 'br' });
      expect([path, coded.headers['content-encoding'], coded.headers['content-type']]).toEqual([path, 'br', plain.headers['content-type']]);
    }
  });

  test('without Accept-Encoding, or with only codings not offered, the file goes as it is, varying by Accept-Encoding', async () => {
    const file = readFileSync(join(root, 'app.js'));
    for (const headers of <Array<Record<string, string>>>[{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'deflate' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const res = await raw(`${on}/assets/app.js`, headers);
      expect([res.status, res.headers['content-encoding'], res.bytes.equals(file), varies(res)]).toEqual([200, undefined, true, ['Accept-Encoding']]);
    }
  });

  test('a file under 1 KiB and an image go as they are; only the text file says it varies', async () => {
    const css = await raw(`${on}/assets/small.css`, { 'accept-encoding': 'br' });
    expect([css.status, css.headers['content-encoding'], css.bytes.toString('utf8'), varies(css)]).toEqual([200, undefined, 'body { margin: 0 }\n', ['Accept-Encoding']]);
    const png = await raw(`${on}/assets/marker.png`, { 'accept-encoding': 'br' });
    expect([png.status, png.headers['content-encoding'], png.bytes.equals(Buffer.alloc(4096, 7)), varies(png)]).toEqual([200, undefined, true, []]);
  });

  test('a client holding the coded file gets a 304; another coding gets the file', async () => {
    const br = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'br' });
    const again = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect([again.status, again.bytes.length]).toEqual([304, 0]);
    const gz = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'gzip', 'if-none-match': br.headers.etag! });
    expect([gz.status, gz.headers['content-encoding']]).toEqual([200, 'gzip']);
    const listed = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'br', 'if-none-match': `"other", ${br.headers.etag!}` });
    expect(listed.status).toBe(304);
  });

  test('a client holding the file as it is (its date) gets the coded copy whole, not a 304', async () => {
    const plain = await raw(`${on}/assets/app.js`);
    const since = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'br', 'if-modified-since': plain.headers['last-modified']! });
    expect([since.status, since.headers['content-encoding']]).toEqual([200, 'br']);
    expect(brotliDecompressSync(since.bytes).equals(plain.bytes)).toBe(true);
  });

  test('HEAD says the coded length and sends nothing', async () => {
    const body = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'gzip' });
    const head = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.headers['content-length'], head.bytes.length]).toEqual([200, 'gzip', String(body.bytes.length), 0]);
  });

  test('a range is served from the file as it is', async () => {
    const res = await raw(`${on}/assets/app.js`, { 'accept-encoding': 'br', range: 'bytes=10-29' });
    expect([res.status, res.headers['content-encoding'], res.bytes.toString('utf8')]).toEqual([206, undefined, SCRIPT.slice(10, 30)]);
  });

  test('a file changed on disk is compressed again', async () => {
    const file = join(root, 'changing.js');
    writeFileSync(file, SCRIPT);
    const first = await raw(`${on}/assets/changing.js`, { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(first.bytes).toString('utf8')).toBe(SCRIPT);
    const changed = SCRIPT.replace(/valeur/g, 'autre valeur');
    writeFileSync(file, changed);
    const later = new Date(statSync(file).mtimeMs + 5000);
    utimesSync(file, later, later);
    const second = await raw(`${on}/assets/changing.js`, { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(second.bytes).toString('utf8')).toBe(changed);
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });

  test('paths out of the folder, hidden files, missing files and a file named as a folder are not served', async () => {
    const paths = [
      '/assets/..%2fsecret.js', '/assets/%2e%2e/secret.js', '/assets/%2e%2e%2fsecret.js', '/assets/layers/..%2f..%2fsecret.js', '/assets/../secret.js',
      '/assets/.hidden.js', '/assets/missing.js', '/assets/%E0%A4%A.js', '/assets/app.js/', '/assets/app.js%2F', '/assets/app.js%00',
    ];
    for (const path of paths) {
      const res = await rawPath(on, path, { 'accept-encoding': 'br' });
      expect([path, res.status >= 400 && res.status < 500, res.headers['content-encoding']]).toEqual([path, true, undefined]);
      expect(res.bytes.includes('valeur')).toBe(false);
    }
  });

  test('with compression turned off, a client that accepts it gets the file as it is, and no Vary', async () => {
    const res = await raw(`${off}/assets/app.js`, { 'accept-encoding': 'br, gzip' });
    expect([res.status, res.headers['content-encoding'], res.bytes.equals(readFileSync(join(root, 'app.js'))), varies(res)]).toEqual([200, undefined, true, []]);
  });
});

describe('Swagger UI and the OpenAPI document', () => {
  test.each([['br'], ['gzip']])('Swagger UI\'s bundle goes in %s and decodes to the file in node_modules', async (coding) => {
    const file = readFileSync(require.resolve('swagger-ui-dist/swagger-ui-bundle.js'));
    const res = await raw(`${api}/api/docs/assets/swagger-ui-bundle.js`, { 'accept-encoding': coding });
    expect([res.status, res.headers['content-encoding']]).toEqual([200, coding]);
    expect(decode(res.bytes, coding).equals(file)).toBe(true);
    expect(res.bytes.length).toBeLessThan(file.length / 3);
  });

  test.each([['br'], ['gzip']])('the OpenAPI document goes in %s and decodes to the bytes sent without Accept-Encoding', async (coding) => {
    const plain = await raw(`${api}/api/openapi.json`);
    const res = await raw(`${api}/api/openapi.json`, { 'accept-encoding': coding });
    expect([plain.status, plain.headers['content-encoding'], res.status, res.headers['content-encoding']]).toEqual([200, undefined, 200, coding]);
    expect(decode(res.bytes, coding).equals(plain.bytes)).toBe(true);
    expect(res.bytes.length).toBeLessThan(plain.bytes.length / 5);
    expect([res.headers['content-type'], varies(res), varies(plain)]).toEqual([plain.headers['content-type'], expect.arrayContaining(['Accept-Encoding']), expect.arrayContaining(['Accept-Encoding'])]);
    expect((JSON.parse(plain.bytes.toString('utf8')) as { openapi: string }).openapi).toBe('3.1.0');
  });
});
