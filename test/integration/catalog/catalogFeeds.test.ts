import type { Express } from 'express';
import Parser from 'rss-parser';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES } from '../../support/parisCatalog';
import { testApp } from '../../support/recordsApp';
import { createApiKey } from '../../../src/execute/apiKeyStore';
import { byBytes } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

let deps: Deps & { close(): Promise<void> };
let app: Express;
let key: string;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  app = testApp(deps);
  key = (await createApiKey(deps.pool, 'paris', 'feeds')).key;
}, 600000);
afterAll(() => deps.close());

/** A feed read by rss-parser, the feed client many Node readers use (RSS 2.0 and Atom alike). */
const readFeed = async (path: string) => {
  const res = await request(app).get(path);
  // Atom's categories are `term` attributes, which rss-parser leaves to its custom fields.
  const parser = new Parser<Record<string, unknown>, { atomCategories?: Array<{ $: { term: string } }> }>({ customFields: { item: [['category', 'atomCategories', { keepArray: true }]] } });
  return { res, feed: await parser.parseString(res.text) };
};
const categoriesOf = (item: { categories?: string[]; atomCategories?: Array<{ $: { term: string } }> }): string[] =>
  item.categories ?? item.atomCategories?.map((c) => c.$.term) ?? [];
/** The tests' own folding (accents dropped, lower case), which the title order follows. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** The raw catalog's first entries in `sort=title` order (README: A→Z by folded title, then id). */
const byTitle = (rows: number) => [...PARIS_DOMAIN_ENTRIES].sort((a, b) => byBytes(fold(a.m.title), fold(b.m.title)) || byBytes(a.id, b.id)).slice(0, rows);

describe('catalog search as RSS 2.0 and Atom (format=rss, format=atom)', () => {
  test.each([
    ['rss', 'application/rss+xml; charset=utf-8'],
    ['atom', 'application/atom+xml; charset=utf-8'],
  ])('%s: one entry per dataset of the page, with its title, link, themes and publisher from the raw catalog', async (format, type) => {
    const { res, feed } = await readFeed(`/paris/api2/datasets/search?format=${format}&rows=20&sort=title&apikey=${key}`);
    expect([res.status, res.headers['content-type']]).toEqual([200, type]);
    // The feed names itself by the request's URL, but never with its key.
    expect(res.text).not.toContain(key);
    // The first 20 titles of the raw catalog in that order.
    const want = byTitle(20);
    expect(feed.items.map((i) => i.title)).toEqual(want.map((e) => e.m.title));
    expect(feed.items.map((i) => i.link)).toEqual(want.map((e) => expect.stringMatching(new RegExp(`/paris/api2/datasets/${e.id}$`))));
    for (const [i, e] of want.entries()) {
      expect(categoriesOf(feed.items[i])).toEqual(expect.arrayContaining(e.m.theme ?? []));
      const item = feed.items[i] as { creator?: string; author?: string };
      expect([e.id, item.creator ?? item.author]).toEqual([e.id, e.m.publisher]);
    }
  });

  test('Atom: the feed\'s updated, written after its entries (RFC 4287 gives the order no meaning), is read as the newest entry\'s', async () => {
    const { feed } = await readFeed('/paris/api2/datasets/search?format=atom&rows=300');
    const entries = feed.items.map((i) => (i as { pubDate?: string; isoDate?: string }).isoDate ?? '');
    expect(entries.length).toBeGreaterThan(200);
    const newest = [...entries].sort().pop();
    expect(new Date((feed as { lastBuildDate?: string }).lastBuildDate ?? '').toISOString()).toBe(newest);
  });

  test('the feed\'s links point to dataset lookups that answer', async () => {
    const { feed } = await readFeed('/paris/api2/datasets/search?format=rss&rows=3&sort=title');
    for (const item of feed.items) {
      const path = new URL(item.link!).pathname;
      const res = await request(app).get(path);
      expect([path, res.status, res.body.datasetid]).toEqual([path, 200, decodeURIComponent(path.split('/').pop()!)]);
    }
  });

  test('a refine narrows the feed as it narrows the JSON page; a bad format names the parameter', async () => {
    const theme = PARIS_DOMAIN_ENTRIES.find((e) => e.m.theme?.length)!.m.theme![0];
    const json = await request(app).get(`/paris/api2/datasets/search?rows=1000&refine.theme=${encodeURIComponent(theme)}`);
    expect(json.body.nhits).toBeGreaterThan(0);
    const { feed } = await readFeed(`/paris/api2/datasets/search?format=atom&rows=1000&refine.theme=${encodeURIComponent(theme)}`);
    expect(feed.items.map((i) => i.title).sort()).toEqual(PARIS_DOMAIN_ENTRIES.filter((e) => e.m.theme?.includes(theme)).map((e) => e.m.title).sort());
    expect(feed.items).toHaveLength(json.body.datasets.length);
    const bad = await request(app).get('/paris/api2/datasets/search?format=rdf');
    expect([bad.status, bad.body.parameter]).toEqual([400, 'format']);
  });
});
