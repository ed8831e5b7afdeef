import { Readable } from 'node:stream';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../src/execute/deps';
import { ensureFixture } from '../support/ingestFixture';
import { ensureParisDomain } from '../support/parisCatalog';
import { testApp } from '../support/recordsApp';
import { openTestDeps } from '../support/testDeps';

/**
 * Pages whose hits read a text the index keeps written (the catalog's objects and package dicts,
 * records as ODS JSON) parse Elasticsearch's answer without those texts (src/execute/searchWritten.ts).
 */
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  for (const id of ['lieux-de-tournage-a-paris', 'communes-france']) await ensureFixture(deps, id);
  app = testApp(deps);
}, 900000);
afterAll(() => deps.close());

/** A body as the bytes sent, decoded. */
const text = (r: request.Response, done: (err: Error | null, body: string) => void): void => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
};

/**
 * The page at `path`, and each search Elasticsearch was sent for it: true when its answer was
 * asked for as bytes. With `refuseBytes`, each answer asked for as bytes comes back as a 503 before
 * Elasticsearch is asked, so the page is read from the answers parsed whole, as it was before.
 */
async function sent(path: string, refuseBytes = false): Promise<{ body: string; searches: boolean[] }> {
  const search = deps.es.search.bind(deps.es) as (params: unknown, options?: { asStream?: boolean }) => Promise<unknown>;
  const searches: boolean[] = [];
  const spy = jest.spyOn(deps.es, 'search').mockImplementation(((params: unknown, options?: { asStream?: boolean }) => {
    const asBytes = options?.asStream === true;
    searches.push(asBytes);
    if (asBytes && refuseBytes) return Promise.resolve({ statusCode: 503, headers: {}, body: Readable.from([Buffer.from('{}')]) });
    return search(params, options);
  }) as never);
  try {
    // One host, so that the links a page holds (CKAN's `help`) are the same in both readings.
    const res = await request(app).get(path).set('Host', 'portal.test').buffer(true).parse(text);
    expect(res.status).toBe(200);
    return { body: res.body as string, searches };
  } finally {
    spy.mockRestore();
  }
}

/** A page's entries and the total it tells, for each wire shape (a GeoJSON page tells none). */
type Count = (page: Record<string, unknown>) => [entries: number, total: number | undefined];
const ods = (key: string): Count => (p) => [(p[key] as unknown[]).length, p.nhits as number];
const ckan: Count = (p) => { const r = p.result as { results: unknown[]; count: number }; return [r.results.length, r.count]; };
const geojson: Count = (p) => [(p.features as unknown[]).length, undefined];

const PAGES: Array<[string, string, Count]> = [
  ['ODS catalog, 20 entries and 3 facets', '/paris/api2/datasets/search?rows=20&facet=theme&facet=publisher&facet=keyword', ods('datasets')],
  ['ODS catalog, read in pieces (250 entries)', '/paris/api2/datasets/search?rows=250&sort=title', ods('datasets')],
  ['CKAN package_search, 50 packages and 2 facets', '/paris/api/3/action/package_search?rows=50&facet.field=["organization","tags"]', ckan],
  ['data4citizen datasets/2.0, 30 packages', '/paris/api/datasets/2.0/search?rows=30', ckan],
  ['records of lieux-de-tournage, 100 and 2 facets', '/api/records/1.0/search?dataset=lieux-de-tournage-a-paris&rows=100&facet=type_tournage&facet=ardt_lieu', ods('records')],
  ['records of communes-france (polygons), 50', '/api/records/1.0/search?dataset=communes-france&rows=50&q=saint', ods('records')],
  ['records of communes-france read in pieces (300)', '/api/records/1.0/search?dataset=communes-france&rows=300&q=saint&sort=nom', ods('records')],
  ['GeoJSON of communes-france, 50', '/api/records/1.0/search?dataset=communes-france&rows=50&q=saint&format=geojson', geojson],
  ['GeoJSON of lieux-de-tournage read in pieces (250)', '/api/records/1.0/search?dataset=lieux-de-tournage-a-paris&rows=250&q=rue&format=geojson', geojson],
];

describe('pages of written texts, read from the answer\'s bytes', () => {
  test.each(PAGES)('%s: each search read from its bytes, once; the same page as from answers parsed whole', async (_name, path, count) => {
    const cut = await sent(path);
    const whole = await sent(path, true);
    expect(cut.searches.length).toBeGreaterThan(0);
    // No answer was searched again: every one took its values back.
    expect(cut.searches).toEqual(cut.searches.map(() => true));
    expect(whole.searches).toEqual(cut.searches.flatMap(() => [true, false]));
    expect(cut.body).toBe(whole.body);
    // A full page: as many entries as asked for, or as there are.
    const rows = Number(new URL(path, 'http://x').searchParams.get('rows'));
    const [entries, total] = count(JSON.parse(cut.body) as Record<string, unknown>);
    expect(entries).toBe(Math.min(rows, total ?? rows));
    expect(total ?? entries).toBeGreaterThan(20);
  });
});
