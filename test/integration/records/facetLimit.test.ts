import type { Express } from 'express';
import request from 'supertest';
import type { Deps } from '../../../src/execute/deps';
import { ensureFixture } from '../../support/ingestFixture';
import { ensureParisDomain, PARIS_DOMAIN_ENTRIES } from '../../support/parisCatalog';
import { rawCsvObjects } from '../../support/rawFixtures';
import { testApp } from '../../support/recordsApp';
import { byBytes, countBy, expectedLevel, flat, odsSearch, queryString } from '../../support/searchRequest';
import { openTestDeps } from '../../support/testDeps';

/** `facetlimit.<f>` (our extension): each level lists the first n values under the facet's sort. */
const DATASET = 'lieux-de-tournage-a-paris';
let deps: Deps & { close(): Promise<void> };
let app: Express;
beforeAll(async () => {
  deps = await openTestDeps();
  await ensureFixture(deps, DATASET);
  await ensureParisDomain(deps);
  app = testApp(deps);
}, 600000);
afterAll(() => deps.close());

type Row = Record<string, string>;
const raw: Row[] = rawCsvObjects('lieux-de-tournage-a-paris.csv');
const TYPE = 'Type de tournage', WHO = 'Réalisateur', YEAR = 'Année du tournage', CP = 'Code postal', START = 'Date de début';
const search = (params: Record<string, string | number | string[]>) => odsSearch(app, { dataset: DATASET, rows: 0, ...params });
/** A flat text facet's level: a value is its own name, slashes included. */
const valuesOf = (level: Array<{ path: string; count: number; state: string }>) => level.map(({ path, count, state }) => ({ name: path, path, count, state }));
const firstGroup = async (params: Record<string, string | number | string[]>) => flat((await search(params)).facet_groups![0].facets);

describe('records search', () => {
  test.each([1, 10, 250])('facetlimit.nom_realisateur=%i: the n values with most records, ties by value', async (n) => {
    const all = expectedLevel(countBy(raw, (r) => r[WHO]));
    expect(all.length).toBeGreaterThan(250);
    expect(await firstGroup({ facet: 'nom_realisateur', 'facetlimit.nom_realisateur': n })).toEqual(valuesOf(all.slice(0, n)));
  });

  test('with a refine elsewhere and facetsort=alphanum: the n first names of the refined records', async () => {
    const series = raw.filter((r) => r[TYPE] === 'Série TV');
    const names = [...countBy(series, (r) => r[WHO])].sort(([a], [b]) => byBytes(a, b)).slice(0, 7).map(([path, count]) => ({ name: path, path, count, state: 'displayed' }));
    expect(await firstGroup({ facet: 'nom_realisateur', 'refine.type_tournage': 'Série TV', 'facetsort.nom_realisateur': 'alphanum', 'facetlimit.nom_realisateur': 7 })).toEqual(names);
  });

  test('a disjunctive date facet: n years, and n months under the refined year, each by count', async () => {
    const body = await search({ facet: 'date_debut', 'refine.date_debut': '2019', 'disjunctive.date_debut': 'true', 'facetlimit.date_debut': 3 });
    const years = expectedLevel(countBy(raw, (r) => r[START].slice(0, 4)), (p) => (p === '2019' ? 'refined' : 'displayed')).slice(0, 3);
    const months = expectedLevel(countBy(raw.filter((r) => r[START].startsWith('2019-')), (r) => r[START].slice(0, 7).replace('-', '/'))).slice(0, 3);
    const group = body.facet_groups![0].facets;
    expect(years.map((y) => y.path)).toContain('2019');
    expect(flat(group)).toEqual(years);
    expect(flat(group.find((f) => f.path === '2019')?.facets)).toEqual(months);
  });

  test('sorts Elasticsearch cannot give (a number field by count, codes as numbers) are cut after sorting', async () => {
    expect(await firstGroup({ facet: 'annee_tournage', 'facetlimit.annee_tournage': 2 })).toEqual(expectedLevel(countBy(raw, (r) => r[YEAR])).slice(0, 2));
    const codes = [...countBy(raw, (r) => r[CP])].sort(([a], [b]) => Number(b) - Number(a) || byBytes(b, a)).slice(0, 4).map(([path, count]) => ({ name: path, path, count, state: 'displayed' }));
    expect(await firstGroup({ facet: 'ardt_lieu', 'facetsort.ardt_lieu': '-num', 'facetlimit.ardt_lieu': 4 })).toEqual(codes);
  });

  test.each(['0', '1001', 'x', '1.5'])('facetlimit.type_tournage=%s is a 400 naming the parameter', async (bad) => {
    const res = await request(app).get(`/api/records/1.0/search?${queryString({ dataset: DATASET, facet: 'type_tournage', 'facetlimit.type_tournage': bad })}`);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/json');
    expect(JSON.stringify(res.body)).toContain('facetlimit.type_tournage');
  });
});

describe('catalog search', () => {
  test('facetlimit.publisher=3 and facetlimit.theme=2: the first values by count', async () => {
    const res = await request(app).get(`/paris/api2/datasets/search?${queryString({ rows: 0, facet: ['publisher', 'theme'], 'facetlimit.publisher': 3, 'facetlimit.theme': 2 })}`);
    expect(res.status).toBe(200);
    const groups = (res.body as { facet_groups: Array<{ facets: Parameters<typeof flat>[0] }> }).facet_groups;
    expect(flat(groups[0].facets)).toEqual(valuesOf(expectedLevel(countBy(PARIS_DOMAIN_ENTRIES, (e) => e.m.publisher)).slice(0, 3)));
    expect(flat(groups[1].facets)).toEqual(valuesOf(expectedLevel(countBy(PARIS_DOMAIN_ENTRIES, (e) => e.m.theme)).slice(0, 2)));
  });
});
