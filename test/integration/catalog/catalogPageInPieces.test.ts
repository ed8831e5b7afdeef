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

const appWith = (pieceRows: number) => createApp(deps, pino({ level: 'silent' }), { clock: () => TEST_NOW, pages: { pieceRows } });

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

  test('the entries of a page in pieces are those the raw catalog holds, each once', async () => {
    const res = await request(appWith(7)).get(`/paris/api2/datasets/search?rows=${PARIS_DOMAIN_ENTRIES.length}`);
    const ids = (res.body as { datasets: Array<{ datasetid: string }> }).datasets.map((d) => d.datasetid).sort();
    expect(ids).toEqual(PARIS_DOMAIN_ENTRIES.map((e) => e.id).sort());
  });
});
