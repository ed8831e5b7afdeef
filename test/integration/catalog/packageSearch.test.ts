import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES, PARIS_RAW, ParisMeta as Meta, rawParisCatalog } from '../../support/parisCatalog';
import { hasWordStarting, rawWords } from '../../support/rawText';
import { testApp } from '../../support/recordsApp';
import { byBytes, countBy, queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';
import { jsonText } from '../../../src/text/jsonText';

interface Item { name: string; display_name: string; count: number }
interface Result {
  count: number; sort: string; results: Array<{ name: string; title: string; metadata_modified: string; organization: { name: string; title: string } | null; resources: Array<Record<string, unknown>>; metas?: Record<string, unknown> }>;
  facets: Record<string, Record<string, number>>; search_facets: Record<string, { title: string; items: Item[] }>;
}

let deps: Deps & { close(): Promise<void> };
let app: Express;
const raw = PARIS_RAW;
const paris = PARIS_DOMAIN_ENTRIES;

beforeAll(async () => {
  deps = await openTestDeps();
  await ensureParisDomain(deps);
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

const search = async (params: Record<string, string | number | string[]>, path = '/paris/api/3/action/package_search'): Promise<Result> => {
  const res = await request(app).get(`${path}?${queryString(params)}`);
  if (res.status !== 200 || res.body.success !== true) throw new Error(`${res.status} ${res.text}`);
  return res.body.result as Result;
};
const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id).sort();
const names = (r: Result): string[] => r.results.map((p) => p.name);
const itemCounts = (items: Item[]): Map<string, number> => new Map(items.map((i) => [i.display_name, i.count]));
const sortedDesc = (xs: string[]): boolean => xs.every((x, i) => i === 0 || byBytes(xs[i - 1], x) >= 0);
const modifiedDesc = (a: { id: string; m: Meta }, b: { id: string; m: Meta }): number =>
  (Date.parse(b.m.modified ?? '') || -Infinity) - (Date.parse(a.m.modified ?? '') || -Infinity) || byBytes(a.id, b.id);

describe('CKAN package_search over the Paris catalog (domain `paris`)', () => {
  test('the envelope, the count, default paging and the default order (relevance, then newest first)', async () => {
    const res = await request(app).get('/paris/api/3/action/package_search');
    expect([res.status, res.body.success, res.body.help]).toEqual([200, true, expect.stringMatching(/help_show\?name=package_search$/)]);
    const r = res.body.result as Result;
    expect([r.count, r.results.length, r.sort]).toEqual([paris.length, 10, 'score desc, metadata_modified desc']);
    expect(names(r)).toEqual([...paris].sort(modifiedDesc).slice(0, 10).map((e) => e.id));
    const first = raw.find((e) => e.id === r.results[0].name)!;
    expect([r.results[0].title, r.results[0].organization?.title]).toEqual([first.m.title, first.m.publisher]);
  });

  test('facet.field with facet.limit=-1: every organization, tag, group and licence with its count', async () => {
    const r = await search({ rows: 0, 'facet.field': JSON.stringify(['organization', 'tags', 'groups', 'license_id']), 'facet.limit': -1 });
    const expected = {
      organization: countBy(paris, (e) => e.m.publisher), tags: countBy(paris, (e) => [...new Set(e.m.keyword ?? [])]),
      groups: countBy(paris, (e) => [...new Set(e.m.theme ?? [])]), license_id: countBy(paris, (e) => e.m.license),
    };
    for (const [field, counts] of Object.entries(expected)) {
      const { title, items } = r.search_facets[field];
      expect([field, title, itemCounts(items)]).toEqual([field, field, counts]);
      expect(sortedDesc(items.map((i) => i.display_name))).toBe(true);
      expect(r.facets[field]).toEqual(Object.fromEntries(items.map((i) => [i.name, i.count])));
    }
    // Organizations and groups are named by slug and shown by title; tags by their value.
    for (const i of [...r.search_facets.organization.items, ...r.search_facets.groups.items]) expect(i.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.search_facets.tags.items.every((i) => i.name === i.display_name)).toBe(true);
    // d4c's features facet never lists api, table or timeserie.
    const features = (await search({ rows: 0, 'facet.field': '["features"]', 'facet.limit': -1 })).search_facets.features.items;
    const rawFeatures = countBy(rawParisCatalog().filter((e) => paris.some((p) => p.id === e.dataset_id)), (e) => (e as unknown as { features?: string[] }).features ?? []);
    for (const hidden of ['api', 'table', 'timeserie']) rawFeatures.delete(hidden);
    expect(itemCounts(features)).toEqual(rawFeatures);
  });

  test('facet.limit keeps the most frequent values, 50 by default; facet.mincount drops rarer ones', async () => {
    const tags = countBy(paris, (e) => [...new Set(e.m.keyword ?? [])]);
    expect(tags.size).toBeGreaterThan(50);
    const byDefault = await search({ rows: 0, 'facet.field': '["tags"]' });
    expect(byDefault.search_facets.tags.items).toHaveLength(50);
    const five = (await search({ rows: 0, 'facet.field': '["tags"]', 'facet.limit': 5 })).search_facets.tags.items;
    expect(five).toHaveLength(5);
    const listed = new Set(five.map((i) => i.display_name));
    const rarest = Math.min(...five.map((i) => i.count));
    expect(five.every((i) => i.count === tags.get(i.display_name))).toBe(true);
    expect([...tags].filter(([t]) => !listed.has(t)).every(([, n]) => n <= rarest)).toBe(true);
    const frequent = (await search({ rows: 0, 'facet.field': '["tags"]', 'facet.limit': -1, 'facet.mincount': 10 })).search_facets.tags.items;
    expect(itemCounts(frequent)).toEqual(new Map([...tags].filter(([, n]) => n >= 10)));
  });

  test('fq and q in Solr syntax: organization and group slugs, field groups, NOT, words of a field, *:*', async () => {
    const facets = await search({ rows: 0, 'facet.field': '["organization","groups"]', 'facet.limit': -1 });
    const [o1, o2] = [...facets.search_facets.organization.items].sort((a, b) => b.count - a.count);
    const g = facets.search_facets.groups.items.find((i) => i.count > 20)!;
    expect((await search({ rows: 0, fq: `organization:${o1.name}` })).count).toBe(paris.filter((e) => e.m.publisher === o1.display_name).length);
    expect((await search({ rows: 0, q: `organization:(${o1.name} OR ${o2.name})` })).count)
      .toBe(paris.filter((e) => e.m.publisher === o1.display_name || e.m.publisher === o2.display_name).length);
    const inGroup = paris.filter((e) => (e.m.theme ?? []).includes(g.display_name));
    const both = await search({ rows: 1000, fq: `groups:${g.name} AND -organization:${o1.name}` });
    expect(ids(both.results.map((p) => ({ id: p.name })))).toEqual(ids(inGroup.filter((e) => e.m.publisher !== o1.display_name)));
    expect((await search({ rows: 0, q: 'title:velo' })).count).toBe(paris.filter((e) => hasWordStarting(e.m.title, 'velo')).length);
    expect((await search({ rows: 0, q: 'title:velo', fq: 'NOT tags:velo' })).count)
      .toBe(paris.filter((e) => hasWordStarting(e.m.title, 'velo') && !(e.m.keyword ?? []).some((k) => hasWordStarting(k, 'velo'))).length);
    expect((await search({ rows: 0, q: '*:*', fq: '' })).count).toBe(paris.length);
  });

  test('/api/action/ answers as /api/3/action/; the themes facet counts each theme under its own name', async () => {
    const params = { rows: 3, 'facet.field': JSON.stringify(['themes']), 'facet.limit': -1 };
    const v3 = await search(params);
    expect(await search(params, '/paris/api/action/package_search')).toEqual(v3);
    expect(itemCounts(v3.search_facets.themes.items)).toEqual(countBy(paris, (e) => [...new Set(e.m.theme ?? [])]));
    expect(v3.search_facets.themes.items.every((i) => i.name === i.display_name)).toBe(true);
  });

  test('relevance: the default sort ranks q\'s words as CKAN\'s dismax weighs fields (title before description)', async () => {
    const hits = await search({ q: 'velo', rows: 1000 });
    const rawById = new Map(raw.map((e) => [e.id, e]));
    const inTitle = (id: string) => rawWords(rawById.get(id)!.m.title).includes('velo');
    const elsewhereOnly = (id: string) => { const e = rawById.get(id)!; return ![e.m.title, e.id, ...(e.m.keyword ?? []), ...(e.m.theme ?? [])].some((t) => hasWordStarting(t, 'velo')); };
    const ranks = names(hits);
    const lastTitle = Math.max(...ranks.map((id, i) => (inTitle(id) ? i : -1)));
    const firstElsewhere = ranks.findIndex(elsewhereOnly);
    expect([ranks.filter(inTitle).length > 3, firstElsewhere > 0, lastTitle < firstElsewhere]).toEqual([true, true, true]);
    // Sorted by date instead, the same hits come newest first.
    const byDate = names(await search({ q: 'velo', rows: 1000, sort: 'metadata_modified desc' }));
    expect(byDate).toEqual([...paris].filter((e) => ranks.includes(e.id)).sort(modifiedDesc).map((e) => e.id));
  });

  test('CKAN\'s documented default sort `relevance asc, metadata_modified desc` and the d4c document\'s `pertinence asc, …` are the default order', async () => {
    for (const sort of ['relevance asc, metadata_modified desc', 'pertinence asc, metadata_modified desc', 'Pertinence asc,metadata_modified desc']) {
      for (const path of ['/paris/api/3/action/package_search', '/paris/api/datasets/2.0/search']) {
        // Without q every dataset is as relevant as any other: newest first.
        const all = await search({ sort, rows: 12 }, path);
        expect([sort, path, names(all), all.sort]).toEqual([sort, path, [...paris].sort(modifiedDesc).slice(0, 12).map((e) => e.id), sort]);
        // With q: the most relevant first, exactly the order of CKAN's effective default (score desc).
        const ranked = await search({ q: 'velo', sort, rows: 50 }, path);
        expect(names(ranked)).toEqual(names(await search({ q: 'velo', sort: 'score desc, metadata_modified desc', rows: 50 }, path)));
        expect(names(ranked).length).toBeGreaterThan(1);
      }
    }
    // `desc` is the other way round: the least relevant first.
    const worstFirst = names(await search({ q: 'velo', sort: 'relevance desc, metadata_modified desc', rows: 1000 }));
    expect(worstFirst).toEqual(names(await search({ q: 'velo', sort: 'score asc, metadata_modified desc', rows: 1000 })));
  });

  test('sort: CKAN clauses and ODS names; paging: rows clamped to 1000, start past the end', async () => {
    const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const byTitle = [...paris].sort((a, b) => byBytes(fold(a.m.title), fold(b.m.title)) || byBytes(a.id, b.id)).map((e) => e.id);
    expect(names(await search({ sort: 'title asc', rows: 20 }))).toEqual(byTitle.slice(0, 20));
    expect((await search({ sort: 'title_string desc', rows: 5 })).results[0].name).toBe(byTitle[byTitle.length - 1]);
    const newest = await search({ sort: 'metadata_modified desc', rows: 15 });
    const newestRaw = [...paris].sort(modifiedDesc).slice(0, 15);
    expect([names(newest), newest.sort]).toEqual([newestRaw.map((e) => e.id), 'metadata_modified desc']);
    // CKAN's timestamps: UTC, no offset, microseconds.
    expect(newest.results.map((p) => p.metadata_modified)).toEqual(newestRaw.map((e) => new Date(e.m.modified!).toISOString().replace('Z', '000')));
    expect(newest.results[0].metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect(names(await search({ sort: '-metadata_modified', rows: 15 }))).toEqual(names(await search({ sort: 'metadata_modified asc', rows: 15 })));
    const all = await search({ rows: 2000, sort: 'name asc' });
    expect([all.count, all.results.length]).toEqual([paris.length, Math.min(1000, paris.length)]);
    expect(names(all)).toEqual(paris.map((e) => e.id).sort(byBytes));
    expect(names(await search({ rows: 4, start: 3, sort: 'name asc' }))).toEqual(names(all).slice(3, 7));
    // metadata_created and records_count: CKAN's names of the catalog's created and records_count; `-name` is refused.
    const dcat = new Map(rawParisCatalog().map((e) => [e.dataset_id, (e.metas as unknown as { dcat: Record<string, string | null> }).dcat]));
    const created = (id: string) => (dcat.get(id)?.created ? Date.parse(dcat.get(id)!.created!) : undefined);
    const byCreated = [...paris].sort((a, b) => {
      const [x, y] = [created(a.id), created(b.id)];
      return x === undefined || y === undefined ? (x === y ? byBytes(a.id, b.id) : x === undefined ? 1 : -1) : y - x || byBytes(a.id, b.id);
    }).map((e) => e.id);
    expect(names(await search({ sort: 'metadata_created desc', rows: 12 }))).toEqual(byCreated.slice(0, 12));
    const count = (e: { m: Meta }) => (e.m as { records_count?: number }).records_count ?? 0;
    expect(names(await search({ sort: 'records_count asc', rows: 12, start: 3 }))).toEqual([...paris].sort((a, b) => count(a) - count(b) || byBytes(a.id, b.id)).map((e) => e.id).slice(3, 15));
    const minusName = await request(app).get(`/paris/api/3/action/package_search?${queryString({ sort: '-name' })}`);
    expect([minusName.status, minusName.body.error?.__type]).toEqual([409, 'Validation Error']);
    const past = await search({ start: paris.length + 5 });
    expect([past.count, past.results]).toEqual([paris.length, []]);
  });

  test('the ODS-style parameters: refine, exclude, disjunctive, repeated facet, date paths; csv and jsonp', async () => {
    const themes = countBy(paris, (e) => e.m.theme ?? []);
    const [t1, t2] = [...themes].sort((a, b) => b[1] - a[1]).map(([t]) => t);
    const r = await search({ 'refine.theme': [t1, t2], 'disjunctive.theme': 'true', 'exclude.publisher': paris[0].m.publisher!, facet: ['theme', 'publisher'], rows: 0 }, '/paris/api/datasets/2.0/search');
    const kept = paris.filter((e) => (e.m.theme ?? []).some((t) => t === t1 || t === t2) && e.m.publisher !== paris[0].m.publisher);
    expect(r.count).toBe(kept.length);
    // A disjunctive facet counts as if its own refines were not there.
    expect(itemCounts(r.search_facets.theme.items)).toEqual(countBy(paris.filter((e) => e.m.publisher !== paris[0].m.publisher), (e) => [...new Set(e.m.theme ?? [])]));
    const year = await search({ facet: 'modified', 'refine.modified': '2023', rows: 0 }, '/paris/api/datasets/2.0/search');
    const of2023 = paris.filter((e) => e.m.modified?.startsWith('2023'));
    const months = countBy(of2023, (e) => `2023/${e.m.modified!.slice(5, 7)}`);
    expect([year.count, new Map(year.search_facets.modified.items.map((i) => [i.name, i.count]))]).toEqual([of2023.length, new Map([['2023', of2023.length], ...months])]);
    const csv = await request(app).get(`/paris/api/datasets/2.0/search?${queryString({ format: 'csv', rows: 7, sort: 'name asc' })}`);
    expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    // A header, then the page's datasets in order, one line each.
    const lines = csv.text.trim().split('\r\n');
    expect([lines[0].split(';')[0], lines.slice(1).map((l) => l.split(';')[0])]).toEqual(['datasetid', paris.map((e) => e.id).sort(byBytes).slice(0, 7)]);
    const jsonp = await request(app).get(`/paris/api/3/action/package_search?${queryString({ format: 'jsonp', callback: 'cb', rows: 1 })}`);
    expect([jsonp.headers['content-type'], jsonp.text.slice(0, 7), jsonp.text.slice(-2)]).toEqual(['text/javascript; charset=utf-8', '/**/cb(', ');']);
    expect(JSON.parse(jsonp.text.slice(7, -2)).result.count).toBe(paris.length);
  });

  test('data4citizen\'s flavour: no help, its package additions, resources without url, all_organizations', async () => {
    const res = await request(app).get('/paris/api/datasets/2.0/search/rows=1000&q=');
    expect([res.status, res.body.help, res.body.result.count]).toEqual([200, undefined, paris.length]);
    const orgs = [...new Set(paris.flatMap((e) => (e.m.publisher ? [e.m.publisher] : [])))].sort(byBytes);
    expect(res.body.all_organizations.map((o: { title: string }) => o.title)).toEqual(orgs);
    for (const p of res.body.result.results as Result['results']) {
      expect(p.resources.every((x) => !('url' in x))).toBe(true);
      expect(p.metas).toEqual({ records_count: expect.any(Number), features: expect.any(Array), custom_view: null });
    }
    expect((await request(app).get('/paris/api/datasets/2.0/search/?rows=2')).body.result.results).toHaveLength(2);
    expect((await request(app).get('/d4c/api/datasets/2.0/search/rows=0')).body.success).toBe(true);
  });

  test.each([
    ['CKAN', '/paris/api/3/action/package_search'],
    ['data4citizen', '/paris/api/datasets/2.0/search'],
  ])('%s: a compact page, sent from the package dicts the catalog index keeps written, is the page built from the catalog documents', async (_name, path) => {
    const params = { rows: 1000, 'facet.field': '["organization","tags"]', sort: 'name asc' };
    // One host for both (CKAN's `help` names it).
    const compact = await request(app).get(`${path}?${queryString(params)}`).set('Host', 'portal.example');
    // Pretty-printed, the page is built at the request from each entry's catalog document.
    const pretty = await request(app).get(`${path}?${queryString({ ...params, pretty_print: 'true' })}`).set('Host', 'portal.example');
    expect([compact.status, pretty.status]).toEqual([200, 200]);
    expect(pretty.text).toContain('\n');
    expect((JSON.parse(compact.text) as { result: { results: unknown[] } }).result.results).toHaveLength(paris.length);
    expect(JSON.parse(compact.text)).toEqual(JSON.parse(pretty.text));
    // ODS's separators, as every compact page of this API writes them.
    expect(compact.text).toBe(jsonText(JSON.parse(pretty.text), false));
  });

  test('bad inputs give CKAN\'s errors', async () => {
    const cases: Array<[Record<string, string | number>, number, string, string, string[]?]> = [
      [{ 'facet.field': 'tags' }, 409, 'Validation Error', 'facet.field', ['Could not parse as valid JSON']],
      [{ 'facet.field': '"tags"' }, 409, 'Validation Error', 'facet.field', ['Not a list']],
      [{ 'facet.field': '["nope"]' }, 409, 'Validation Error', 'facet.field'],
      [{ rows: -1 }, 409, 'Validation Error', 'rows', ['Must be a natural number']],
      [{ rows: 'ten' }, 409, 'Validation Error', 'rows', ['Invalid integer']],
      [{ start: -3 }, 409, 'Validation Error', 'start', ['Must be a natural number']],
      [{ 'facet.mincount': 'x' }, 409, 'Validation Error', 'facet.mincount', ['Invalid integer']],
      [{ sort: 'nope asc' }, 400, 'Search Query Error', 'sort'],
      [{ sort: 'title upwards' }, 400, 'Search Query Error', 'sort'],
      [{ q: 'title:(velo' }, 400, 'Search Query Error', 'q'],
      [{ fq: 'secret_field:1' }, 400, 'Search Query Error', 'fq'],
      [{ q: 'title:[a TO' }, 400, 'Search Query Error', 'q'],
      [{ format: 'xml' }, 409, 'Validation Error', 'format'],
      // Names of Object.prototype are no facet or sort field.
      [{ 'facet.field': '["constructor"]' }, 409, 'Validation Error', 'facet.field'],
      [{ sort: 'constructor asc' }, 400, 'Search Query Error', 'sort'],
      [{ sort: '-__proto__' }, 409, 'Validation Error', 'sort'],
      [{ sort: 'toString' }, 409, 'Validation Error', 'sort'],
    ];
    for (const [params, status, type, parameter, messages] of cases) {
      const res = await request(app).get(`/paris/api/3/action/package_search?${queryString(params)}`);
      expect([params, res.status, res.body.success, res.body.error.__type]).toEqual([params, status, false, type]);
      const listed = res.body.error[parameter] as unknown;
      const wellFormed = Array.isArray(listed) && listed.length === 1 && typeof listed[0] === 'string';
      expect([params, wellFormed, messages === undefined || JSON.stringify(listed) === JSON.stringify(messages)]).toEqual([params, true, true]);
    }
    const key = await request(app).get('/paris/api/3/action/package_search').set('Authorization', 'Apikey not-a-key-of-anyone-here');
    expect([key.status, key.body.error.__type]).toEqual([403, 'Authorization Error']);
    const unknown = await request(app).get('/paris/api/3/action/package_show?id=no-such-dataset');
    expect([unknown.status, unknown.body.error]).toEqual([404, { __type: 'Not Found Error', message: 'Not found' }]);
  });
});
