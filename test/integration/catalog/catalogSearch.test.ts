import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES, rawParisCatalog } from '../../support/parisCatalog';
import { hasWordStarting } from '../../support/rawText';
import { testApp } from '../../support/recordsApp';
import { countBy, expectedLevel, FacetNode, flat, queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { publishTinyCsv } from '../../support/tinyDataset';

let deps: Deps & { close(): Promise<void> };
let app: Express;
const paris = PARIS_DOMAIN_ENTRIES;

beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  await publishTinyCsv(deps, 'catalog-open', [{ name: 'nom', type: 'text' }], [['a']]);
  await publishTinyCsv(deps, 'catalog-secret', [{ name: 'nom', type: 'text' }], [['a']], { visibility: 'private' });
  await publishTinyCsv(deps, 'catalog-draft', [{ name: 'nom', type: 'text' }], [['a']], { state: 'draft' });
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

const search = async (params: Record<string, string | number | string[]>, path = '/paris/api2/datasets/search') => {
  const res = await request(app).get(`${path}?${queryString(params)}`);
  if (res.status !== 200) throw new Error(`${res.status} ${res.text}`);
  return res.body as { nhits: number; parameters: object; datasets: Array<{ datasetid: string; metas: Record<string, unknown>; fields: unknown[] }>; facet_groups?: Array<{ name: string; facets: FacetNode[] }> };
};
const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id).sort();

describe('ODS catalog search over the Paris catalog (domain `paris`)', () => {
  test('every entry, the theme facet, a refine, an exclude', async () => {
    const all = await search({ rows: 0, facet: 'theme' });
    expect(all.nhits).toBe(paris.length);
    expect(flat(all.facet_groups![0].facets)).toEqual(expectedLevel(countBy(paris, (e) => e.m.theme)));
    const theme = 'Mobilité et Espace Public';
    expect((await search({ rows: 0, 'refine.theme': theme })).nhits).toBe(paris.filter((e) => e.m.theme?.includes(theme)).length);
    expect((await search({ rows: 0, 'exclude.theme': theme })).nhits).toBe(paris.filter((e) => !e.m.theme?.includes(theme)).length);
  });

  test('the DCAT facets ODS lists (accrualperiodicity, creator, contributor, granularity, dataquality)', async () => {
    const dcatOf = new Map(rawParisCatalog().map((e) => [e.dataset_id, (e.metas as unknown as { dcat: Record<string, string | null> }).dcat]));
    const dcat = (id: string, key: string): string | undefined => dcatOf.get(id)?.[key] ?? undefined;
    const facets = ['accrualperiodicity', 'creator', 'contributor', 'granularity', 'dataquality'];
    const r = await search({ rows: 0, facet: facets });
    // Flat facets: a value's name is the whole value, slashes included.
    const valuesOf = (level: Array<{ name: string; path: string; count: number; state: string }>) => level.map(({ path, count, state }) => ({ name: path, path, count, state }));
    for (const [i, key] of facets.entries()) {
      expect([key, flat(r.facet_groups![i].facets)]).toEqual([key, valuesOf(expectedLevel(countBy(paris, (e) => dcat(e.id, key))))]);
    }
    const annual = await search({ rows: 0, 'refine.accrualperiodicity': 'Annuelle', q: 'NOT #null(creator)' });
    expect(annual.nhits).toBe(paris.filter((e) => dcat(e.id, 'accrualperiodicity') === 'Annuelle' && dcat(e.id, 'creator') !== undefined).length);
    const monthly = await request(app).get(`/paris/api/3/action/package_search?${queryString({ fq: 'accrualperiodicity:Mensuelle', rows: 0, 'facet.field': '["creator"]' })}`);
    expect(monthly.body.result.count).toBe(paris.filter((e) => dcat(e.id, 'accrualperiodicity') === 'Mensuelle').length);
  });

  test('q over metadata, the modified hierarchy, sort and paging', async () => {
    const velo = await search({ q: 'title:velo', rows: 1000 });
    expect(velo.datasets.map((d) => d.datasetid).sort()).toEqual(ids(paris.filter((e) => hasWordStarting(e.m.title, 'velo'))));
    const years = await search({ rows: 0, facet: 'modified', timezone: 'UTC' });
    expect(flat(years.facet_groups![0].facets)).toEqual(expectedLevel(countBy(paris, (e) => e.m.modified?.slice(0, 4))));
    const recent = await search({ sort: 'modified', rows: 5 });
    const byModified = [...paris].filter((e) => e.m.modified).sort((a, b) => Date.parse(b.m.modified!) - Date.parse(a.m.modified!));
    expect(recent.datasets.map((d) => Date.parse(String(d.metas.modified)))).toEqual(byModified.slice(0, 5).map((e) => Date.parse(e.m.modified!)));
    const page = await search({ sort: 'title', rows: 3, start: 2 });
    expect(page.datasets).toHaveLength(3);
    expect(page.datasets[0].metas.title).toEqual(expect.any(String));
  });

  test('the dataset object, and its lookup', async () => {
    const one = (await search({ q: `datasetid:"${paris[0].id}"`, extrametas: 'true' })).datasets[0];
    expect(Object.keys(one)).toEqual(['datasetid', 'has_records', 'data_visible', 'features', 'metas', 'fields', 'attachments', 'alternative_exports', 'billing_plans', 'extra_metas']);
    expect([one.datasetid, one.metas.title, one.metas.domain, one.metas.timezone]).toEqual([paris[0].id, paris[0].m.title, 'paris', expect.any(String)]);
    const lookup = await request(app).get(`/paris/api2/datasets/${paris[0].id}?extrametas=true`);
    expect(lookup.body).toEqual(one);
    // interopmetas: the entry's DCAT metadata, its empty values left out.
    const entry = rawParisCatalog().find((e) => e.dataset_id === 'plan-de-voirie-murs')!;
    const dcat = Object.fromEntries(Object.entries((entry.metas as unknown as { dcat: Record<string, unknown> }).dcat).filter(([, v]) => v !== null));
    expect(Object.keys(dcat).length).toBeGreaterThan(0);
    const interop = (await search({ q: 'datasetid:"plan-de-voirie-murs"', interopmetas: 'true' })).datasets[0] as unknown as { interop_metas: unknown };
    expect(interop.interop_metas).toEqual({ dcat });
    expect((await request(app).get('/paris/api2/datasets/plan-de-voirie-murs?interopmetas=true')).body.interop_metas).toEqual({ dcat });
  });

  test('an anonymous caller never sees private or draft datasets: not in hits, counts or lookups', async () => {
    const visible = async (id: string) => (await search({ rows: 0, q: `datasetid:"${id}"` }, '/api/datasets/1.0/search')).nhits;
    expect([await visible('catalog-open'), await visible('catalog-secret'), await visible('catalog-draft')]).toEqual([1, 0, 0]);
    const secret = await request(app).get('/api/datasets/1.0/catalog-secret');
    const missing = await request(app).get('/api/datasets/1.0/catalog-nothing');
    expect([secret.status, secret.body.error.replace('catalog-secret', 'X')]).toEqual([404, missing.body.error.replace('catalog-nothing', 'X')]);
    expect((await request(app).get('/paris/api2/datasets/catalog-open')).status).toBe(404);
    expect((await search({ rows: 0 })).nhits).toBe(paris.length);
    expect((await request(app).get('/api/datasets/1.0/search?sort=nope')).status).toBe(400);
  });
});
