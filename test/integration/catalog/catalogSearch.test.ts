import { parse as parseCsv } from 'csv-parse/sync';
import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES, rawParisCatalog } from '../../support/parisCatalog';
import { hasWordStarting } from '../../support/rawText';
import { testApp } from '../../support/recordsApp';
import { byBytes, countBy, expectedLevel, FacetNode, flat, queryString } from '../../support/searchRequest';
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
/** The tests' own folding (accents dropped, lower case), for the title order. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

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
  });

  test('sort by every key, `-` reversing it, ties by datasetid; rows and start page through that order', async () => {
    const dcatOf = new Map(rawParisCatalog().map((e) => [e.dataset_id, (e.metas as unknown as { dcat: Record<string, string | null> }).dcat]));
    const raw = paris.map((e) => ({
      id: e.id, title: fold(e.m.title), modified: e.m.modified, issued: dcatOf.get(e.id)?.issued ?? undefined, created: dcatOf.get(e.id)?.created ?? undefined,
      records_count: (e.m as { records_count?: number }).records_count ?? 0,
    }));
    type Key = 'modified' | 'issued' | 'created' | 'records_count';
    const value = (r: typeof raw[number], key: Key): number | undefined => (key === 'records_count' ? r.records_count : r[key] ? Date.parse(r[key]!) : undefined);
    // Entries without the value come last either way (Elasticsearch's default `missing: _last`).
    const order = (key: Key, descending: boolean) => [...raw].sort((a, b) => {
      const [x, y] = [value(a, key), value(b, key)];
      if (x === undefined || y === undefined) return x === y ? byBytes(a.id, b.id) : x === undefined ? 1 : -1;
      return (descending ? y - x : x - y) || byBytes(a.id, b.id);
    }).map((r) => r.id);
    const idsOf = (r: { datasets: Array<{ datasetid: string }> }) => r.datasets.map((d) => d.datasetid);
    for (const key of ['modified', 'issued', 'created', 'records_count'] as const) {
      const want = order(key, true);
      expect([key, idsOf(await search({ sort: key, rows: 20, start: 0 }))]).toEqual([key, want.slice(0, 20)]);
      expect([key, idsOf(await search({ sort: key, rows: 7, start: 13 }))]).toEqual([key, want.slice(13, 20)]);
      expect([`-${key}`, idsOf(await search({ sort: `-${key}`, rows: 20, start: 5 }))]).toEqual([`-${key}`, order(key, false).slice(5, 25)]);
    }
    const byTitle = [...raw].sort((a, b) => byBytes(a.title, b.title) || byBytes(a.id, b.id)).map((r) => r.id);
    expect(idsOf(await search({ sort: 'title', rows: 3, start: 2 }))).toEqual(byTitle.slice(2, 5));
    const byTitleDesc = [...raw].sort((a, b) => byBytes(b.title, a.title) || byBytes(a.id, b.id)).map((r) => r.id);
    expect(idsOf(await search({ sort: '-title', rows: 10, start: 490 }))).toEqual(byTitleDesc.slice(490, 500));
  });

  test('facetsort orders a facet every way; a disjunctive facet ORs its refines and counts without them', async () => {
    const counts = countBy(paris, (e) => e.m.publisher);
    const names = async (sort: string) => (await search({ rows: 0, facet: 'publisher', 'facetsort.publisher': sort })).facet_groups![0].facets.map((f) => f.name);
    const byCount = [...counts].sort(([a, x], [b, y]) => x - y || byBytes(b, a)).map(([k]) => k);
    expect(await names('-count')).toEqual([...byCount].reverse());
    expect(await names('alphanum')).toEqual([...counts.keys()].sort(byBytes));
    expect(await names('-alphanum')).toEqual([...counts.keys()].sort(byBytes).reverse());
    const themes = [...countBy(paris, (e) => e.m.theme ?? [])].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    const [t1, t2] = themes;
    const either = await search({ rows: 0, facet: 'theme', 'refine.theme': [t1, t2], 'disjunctive.theme': 'true' });
    expect(either.nhits).toBe(paris.filter((e) => (e.m.theme ?? []).some((t) => t === t1 || t === t2)).length);
    expect(flat(either.facet_groups![0].facets)).toEqual(expectedLevel(countBy(paris, (e) => e.m.theme ?? []), (p) => (p === t1 || p === t2 ? 'refined' : 'displayed')));
    const both = await search({ rows: 0, 'refine.theme': [t1, t2] });
    expect(both.nhits).toBe(paris.filter((e) => (e.m.theme ?? []).includes(t1) && (e.m.theme ?? []).includes(t2)).length);
  });

  test('a facet on title or records_count is an empty group; on datasetid or description, a 400 naming facet', async () => {
    expect((await search({ rows: 0, facet: ['title', 'records_count'] })).facet_groups).toEqual([{ name: 'title', facets: [] }, { name: 'records_count', facets: [] }]);
    for (const facet of ['datasetid', 'description']) {
      const res = await request(app).get(`/paris/api2/datasets/search?${queryString({ rows: 0, facet })}`);
      expect([facet, res.status, res.body.errorcode, res.body.parameter]).toEqual([facet, 400, 10010, 'facet']);
    }
  });

  test('csv: one line per dataset of the page, in its order; jsonp wraps the JSON answer', async () => {
    const json = await search({ sort: 'title', rows: 4, start: 1 });
    const csv = await request(app).get(`/paris/api2/datasets/search?${queryString({ sort: 'title', rows: 4, start: 1, format: 'csv' })}`);
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const rows = parseCsv(csv.text, { delimiter: ';' }) as string[][];
    const rawById = new Map(paris.map((e) => [e.id, e.m]));
    expect(rows[0]).toEqual(['datasetid', 'title', 'publisher', 'theme', 'keyword', 'license', 'language', 'modified', 'records_count']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(json.datasets.map((d) => [d.datasetid, rawById.get(d.datasetid)!.title, rawById.get(d.datasetid)!.publisher ?? '']));
    const jsonp = await request(app).get(`/paris/api2/datasets/search?${queryString({ sort: 'title', rows: 4, start: 1, format: 'jsonp', callback: 'cb' })}`);
    expect([jsonp.status, jsonp.headers['content-type'], jsonp.text.slice(0, 7), jsonp.text.slice(-2)]).toEqual([200, 'text/javascript; charset=utf-8', '/**/cb(', ');']);
    // The same answer, its `parameters` echoing the format asked.
    expect(JSON.parse(jsonp.text.slice(7, -2))).toEqual({ ...json, parameters: { ...json.parameters, format: 'jsonp' } });
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
