import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { explorerRouter } from '../../../src/http/explorerRouter';

// A bundle of our own making stands for dist-web/explorer: the router serves whatever is there.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'explorer-bundle-'));
  mkdirSync(join(dir, 'built', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'built', 'index.html'), '<!doctype html><title>explorer</title>');
  writeFileSync(join(dir, 'built', 'assets', 'explorer.js'), 'void 0;');
  writeFileSync(join(dir, 'built', 'assets', 'style.css'), 'body{}');
  writeFileSync(join(dir, 'built', 'assets', 'departements.geojson'), '{"type":"FeatureCollection","features":[]}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const appWith = (bundle: string) => express().use(explorerRouter(bundle));

describe('explorerRouter', () => {
  test('`/` sends the browser to /explore, which is the bundle\'s page', async () => {
    const app = appWith(join(dir, 'built'));
    const home = await request(app).get('/');
    expect([home.status, home.headers.location]).toEqual([302, '/explore']);
    const page = await request(app).get('/explore');
    expect([page.status, page.headers['content-type'], page.text]).toEqual([200, expect.stringMatching(/^text\/html/), '<!doctype html><title>explorer</title>']);
  });

  test('assets come with their content type; an unknown one falls through', async () => {
    const app = appWith(join(dir, 'built'));
    const types = await Promise.all(['explorer.js', 'style.css', 'departements.geojson'].map(async (f) => (await request(app).get(`/explore/assets/${f}`)).headers['content-type']));
    expect(types).toEqual([expect.stringMatching(/^(text|application)\/javascript/), expect.stringMatching(/^text\/css/), expect.stringMatching(/^application\/geo\+json/)]);
    expect((await request(app).get('/explore/assets/nothing.js')).status).toBe(404);
  });

  test('without a bundle, the page says how to build it (a 503, not a 500)', async () => {
    const page = await request(appWith(join(dir, 'missing'))).get('/explore');
    expect([page.status, page.headers['content-type']]).toEqual([503, expect.stringMatching(/^text\/html/)]);
    expect(page.text).toContain('npm run build:web');
  });
});
