import pino from 'pino';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { createApp } from '../../../src/http/app';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES } from '../../support/parisCatalog';
import { TEST_NOW } from '../../support/recordsApp';
import { openTestDeps } from '../../support/testDeps';

/**
 * A catalog page of more entries than a piece holds is read and sent piece by piece; it is the same
 * text as the page read and written whole, in every form it takes.
 */
let deps: Deps & { close(): Promise<void> };
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
}, 300000);
afterAll(() => deps.close());

const appWith = (pieceRows: number, on: Deps = deps) => createApp(on, pino({ level: 'silent' }), { clock: () => TEST_NOW, pages: { pieceRows } });

/** `deps` whose Elasticsearch client hands the size of every search it sends to `sizes`. */
function countingSearches(sizes: number[]): Deps {
  const es = Object.create(deps.es) as Deps['es'];
  es.search = ((params: { size?: number }, options?: unknown) => {
    sizes.push(params.size ?? 10);
    return deps.es.search(params as never, options as never);
  }) as Deps['es']['search'];
  return { ...deps, es };
}

describe('a large catalog page', () => {
  test.each([
    ['rows=300', 'rows=300'],
    ['every entry, with facets and a refine', `rows=${PARIS_DOMAIN_ENTRIES.length + 5}&facet=theme&facet=publisher&refine.theme=Environnement&refine.theme=Urbanisme+et+Logements&disjunctive.theme=true`],
    ['from an offset, with the schema and the DCAT metadata', 'rows=200&start=150&extrametas=true&interopmetas=true&sort=title'],
    ['pretty-printed', 'rows=120&pretty_print=true&facet=theme'],
    ['as JSONP', 'rows=90&format=jsonp&callback=cb'],
    ['as CSV', 'rows=300&format=csv&sort=-modified'],
    ['as RSS', 'rows=300&format=rss&q=paris'],
    ['as Atom', 'rows=300&format=atom'],
  ])('%s: the same text in pieces as whole', async (_name, query) => {
    // One host for both: a feed's links name it.
    const whole = await request(appWith(10_000)).get(`/paris/api2/datasets/search?${query}`).set('Host', 'portal.example');
    const pieces = await request(appWith(7)).get(`/paris/api2/datasets/search?${query}`).set('Host', 'portal.example');
    expect(whole.status).toBe(200);
    // More entries than a piece holds: the page is read in more than one piece.
    expect((whole.text.match(/"datasetid"|\n[^\n]|<item>|<entry>/g) ?? []).length).toBeGreaterThan(7);
    expect({ status: pieces.status, type: pieces.headers['content-type'] }).toEqual({ status: 200, type: whole.headers['content-type'] });
    expect(pieces.text === whole.text).toBe(true);
  });

  test('a JSON page is read in pieces of a quarter of the records\' piece size (its entries carry their schema); CSV, RSS and Atom in pieces of that size', async () => {
    const read = async (query: string): Promise<number[]> => {
      const sizes: number[] = [];
      const res = await request(appWith(40, countingSearches(sizes))).get(`/paris/api2/datasets/search?rows=300&${query}`);
      expect(res.status).toBe(200);
      return sizes;
    };
    // 300 entries: 30 pieces of 10 as JSON, 8 of at most 40 otherwise (the Paris domain holds more than 300).
    expect(PARIS_DOMAIN_ENTRIES.length).toBeGreaterThan(300);
    for (const query of ['format=json', 'format=jsonp&callback=cb', 'format=json&extrametas=true']) expect(await read(query)).toEqual(Array(30).fill(10));
    for (const query of ['format=csv', 'format=rss', 'format=atom']) expect(await read(query)).toEqual([...Array(7).fill(40), 20]);
  });

  test('the entries of a page in pieces are those the raw catalog holds, each once', async () => {
    const res = await request(appWith(7)).get(`/paris/api2/datasets/search?rows=${PARIS_DOMAIN_ENTRIES.length}`);
    const ids = (res.body as { datasets: Array<{ datasetid: string }> }).datasets.map((d) => d.datasetid).sort();
    expect(ids).toEqual(PARIS_DOMAIN_ENTRIES.map((e) => e.id).sort());
  });
});
