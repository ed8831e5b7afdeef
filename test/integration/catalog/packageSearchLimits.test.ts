import type { Express } from 'express';
import request from 'supertest';
import { parseCatalogEntry } from '../../../src/catalog/catalogEntry';
import { rebuildCatalogIndex } from '../../../src/execute/catalogIndex';
import { upsertDomain } from '../../../src/execute/datasetStore';
import type { Deps } from '../../../src/execute/deps';
import { importCatalog } from '../../../src/usecases/importCatalog';
import { testApp } from '../../support/recordsApp';
import { byBytes, queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

/**
 * package_search's caps, reached: a domain of its own with 1,050 metadata-only datasets and 1,050
 * distinct tags, more than `rows` (clamped to 1,000) and the facet values (`facet.limit`
 * negative: all, up to 1,000) can give. Tags `c-0000`…`c-0999` are on two datasets each, tags
 * `r-1000`…`r-1049` on one: the 1,000 most frequent values are exactly the `c-` tags.
 */
const DOMAIN = 'many-datasets';
const N = 1050;
const pad = (i: number): string => String(i).padStart(4, '0');
const ENTRIES = Array.from({ length: N }, (_, i) => ({
  dataset_id: `many-${pad(i)}`,
  metas: { default: { title: `Jeu ${pad(i)}`, keyword: i < 1000 ? [`c-${pad(i)}`, `c-${pad((i + 1) % 1000)}`] : [`r-${pad(i)}`] } },
}));
const COMMON_TAGS = Array.from({ length: 1000 }, (_, i) => `c-${pad(i)}`);

let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await upsertDomain(deps.pool, { id: DOMAIN, title: 'Many datasets', includePublic: false });
  await importCatalog(deps, ENTRIES.map((e, i) => parseCatalogEntry(e, i)), DOMAIN);
  app = testApp(deps);
}, 600000);
// The default domain includes every public dataset: these leave, so that other files count the platform as they left it.
afterAll(async () => {
  await deps.pool.query('DELETE FROM datasets WHERE domain_id = $1', [DOMAIN]);
  await deps.pool.query('DELETE FROM domains WHERE id = $1', [DOMAIN]);
  await rebuildCatalogIndex(deps);
  await deps.close();
}, 600000);

interface Item { name: string; display_name: string; count: number }
interface Result { count: number; results: Array<{ name: string }>; facets: Record<string, Record<string, number>>; search_facets: Record<string, { items: Item[] }> }
const search = async (params: Record<string, string | number>): Promise<Result> => {
  const res = await request(app).get(`/${DOMAIN}/api/3/action/package_search?${queryString(params)}`);
  if (res.status !== 200 || res.body.success !== true) throw new Error(`${res.status} ${res.text}`);
  return res.body.result as Result;
};
const ids = ENTRIES.map((e) => e.dataset_id).sort(byBytes);

describe('package_search limits, reached (a domain of 1,050 datasets)', () => {
  test('rows is clamped to 1,000; start pages past it; start is at most 99,000', async () => {
    const all = await search({ rows: 5000, sort: 'name asc' });
    expect([all.count, all.results.map((p) => p.name)]).toEqual([N, ids.slice(0, 1000)]);
    const exactly = await search({ rows: 1001, sort: 'name asc' });
    expect(exactly.results).toHaveLength(1000);
    const rest = await search({ rows: 1000, start: 1000, sort: 'name asc' });
    expect(rest.results.map((p) => p.name)).toEqual(ids.slice(1000));
    expect((await search({ start: 99000 })).results).toEqual([]);
    const deep = await request(app).get(`/${DOMAIN}/api/3/action/package_search?start=99001`);
    expect([deep.status, deep.body.error?.__type, Array.isArray(deep.body.error?.start)]).toEqual([409, 'Validation Error', true]);
  });

  test('facet.limit=-1 gives all values up to 1,000: the most frequent ones', async () => {
    const r = await search({ rows: 0, 'facet.field': '["tags"]', 'facet.limit': -1 });
    const items = r.search_facets.tags.items;
    expect(items).toHaveLength(1000);
    // Ordered by display name descending, as CKAN lists them.
    expect(items.map((i) => [i.display_name, i.count])).toEqual([...COMMON_TAGS].sort(byBytes).reverse().map((t) => [t, 2]));
    expect(Object.keys(r.facets.tags)).toHaveLength(1000);
    // Below the cap, facet.limit keeps the most frequent values, ties in index (name) order as Solr breaks them.
    const twenty = await search({ rows: 0, 'facet.field': '["tags"]', 'facet.limit': 20 });
    expect(twenty.search_facets.tags.items.map((i) => i.display_name)).toEqual(COMMON_TAGS.slice(0, 20).reverse());
  });
});
